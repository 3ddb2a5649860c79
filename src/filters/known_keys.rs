//! Well-known PUBLIC wallet secrets: the default accounts of local development chains and the
//! test vectors of the BIP39/BIP32/WIF specifications. They are printed in documentation and
//! shipped in every install, so a finding of one is not a leak (and a scanner that reported
//! them would drown real findings in every Hardhat project). They are dropped and counted as
//! `known_test_key`. Sources: crypto-formats.md section 4; the tests below re-derive the
//! development accounts from their mnemonics instead of trusting the pasted lists.

/// Mnemonics, normalized (lowercase, single spaces).
pub const MNEMONICS: &[&str] = &[
    // Hardhat / Anvil (Foundry) default.
    "test test test test test test test test test test test junk",
    // Ganache deterministic (`ganache -d`).
    "myth like bonus scare over problem client lizard pioneer submit female collect",
    // Truffle Develop.
    "candy maple cake sugar pudding cream honey rich smooth crumble sweet treat",
    // trezor/python-mnemonic vectors.json, English: entropy 00…, 7f…, 80…, ff… at 128/192/256
    // bits, then its twelve random-entropy vectors (crypto-formats.md 4.5; both derived from
    // their entropies in the tests below). They are quoted in the docs and tests of every
    // BIP39 library (the `bip39` crate's own source holds them).
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    "legal winner thank year wave sausage worth useful legal winner thank yellow",
    "letter advice cage absurd amount doctor acoustic avoid letter advice cage above",
    "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon agent",
    "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal will",
    "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter always",
    "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo when",
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon art",
    "legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth title",
    "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless",
    "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo vote",
    "ozone drill grab fiber curtain grace pudding thank cruise elder eight picnic",
    "gravity machine north sort system female filter attitude volume fold club stay feature office ecology stable narrow fog",
    "hamster diagram private dutch cause delay private meat slide toddler razor book happy fancy gospel tennis maple dilemma loan word shrug inflict delay length",
    "scheme spot photo card baby mountain device kick cradle pact join borrow",
    "horn tenant knee talent sponsor spell gate clip pulse soap slush warm silver nephew swap uncle crack brave",
    "panda eyebrow bullet gorilla call smoke muffin taste mesh discover soft ostrich alcohol speed nation flash devote level hobby quick inner drive ghost inside",
    "cat swing flag economy stadium alone churn speed unique patch report train",
    "light rule cinnamon wrap drastic word pride squirrel upgrade then income fatal apart sustain crack supply proud access",
    "all hour make first leader extend hole alien behind guard gospel lava path output census museum junior mass reopen famous sing advance salt reform",
    "vessel ladder alter error federal sibling chat ability sun glass valve picture",
    "scissors invite lock maple supreme raw rapid void congress muscle digital elegant little brisk hair mango congress clump",
    "void come effort suffer camp survey warrior heavy shoot primary clutch crush open amazing screen patrol group space point ten exist slush involve unfold",
];

/// Hex private keys (lowercase, no `0x`): Hardhat/Anvil accounts 0–19, Ganache 0–9, Truffle
/// Develop 0–9, and the sentinel scalars 1 and n−1.
pub const HEX_KEYS: &[&str] = &[
    // Hardhat / Anvil, m/44'/60'/0'/0/0..19 of the default mnemonic.
    "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
    "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
    "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
    "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    "47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
    "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
    "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
    "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
    "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
    "2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6",
    "f214f2b2cd398c806f84e317254e0f0b801d0643303237d97a22a48e01628897",
    "701b615bbdfb9de65240bc28bd21bbc0d996645a3dd57e7b12bc2bdf6f192c82",
    "a267530f49f8280200edf313ee7af6b827f2a8bce2897751d06a843f644967b1",
    "47c99abed3324a2707c28affff1267e45918ec8c3f20b8aa892e8b065d2942dd",
    "c526ee95bf44d8fc405a158bb884d9d1238d99f0612e9f33d006bb0789009aaa",
    "8166f546bab6da521a8369cab06c5d2b9e46670292d85c875ee9ec20e84ffb61",
    "ea6c44ac03bff858b476bba40716402b03e41b8e97e276d1baec7c37d42484a0",
    "689af8efa8c651a91ad287602527f3af2fe9f6501a7ac4b061667b5a93e037fd",
    "de9be858da4a475276426320d5e9262ecfc3ba460bfac56360bfa6c4c28b4ee0",
    "df57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e",
    // Ganache deterministic, m/44'/60'/0'/0/0..9.
    "4f3edf983ac636a65a842ce7c78d9aa706d3b113bce9c46f30d7d21715b23b1d",
    "6cbed15c793ce57650b9877cf6fa156fbef513c4e6134f022a85b1ffdd59b2a1",
    "6370fd033278c143179d81c5526140625662b8daa446c22ee2d73db3707e620c",
    "646f1ce2fdad0e6deeeb5c7e8e5543bdde65e86029e2fd9fc169899c440a7913",
    "add53f9a7e588d003326d1cbf9e4a43c061aadd9bc938c843a79e7b4fd2ad743",
    "395df67f0c2d2d9fe1ad08d1bc8b6627011959b79c53d7dd6a3536a33ab8a4fd",
    "e485d098507f54e7733a205420dfddbe58db035fa577fc294ebd14db90767a52",
    "a453611d9419d0e56f499079478fd72c37b251a94bfde4d19872c44cf65386e3",
    "829e924fdf021ba3dbbc4225edfece9aca04b929d6e75613329ca6f1d31c0bb4",
    "b0057716d5917badaf911b193b12b910811c1497b5bada8d7711f758981c3773",
    // Truffle Develop, m/44'/60'/0'/0/0..9 (account 0 as listed in crypto-formats.md 4.3; the
    // others derived by `ganache_and_truffle_accounts_derive_from_their_mnemonics`).
    "c87509a1c067bbde78beb793e6fa76530b6382a4c0241e5e4a9ec0a0f44dc0d3",
    "ae6ae8e5ccbfb04590405997ee2d52d2b330726137b875053c36d94e974d162f",
    "0dbbe8e4ae425a6d2687f1a7e3ba17bc98c673636790f1b8ad91193c05875ef1",
    "c88b703fb08cbea894b6aeff5a544fb92e78a18e19814cd85da83b71f772aa6c",
    "388c684f0ba1ef5017716adb5d21a053ea8e90277d0868337519f97bede61418",
    "659cbb0e2411a44db63778987b1e22153c086a95eb6b18bdf89de078917abc63",
    "82d052c865f5763aad42add438569276c00d3d88a2d062d36b2bae914d58b8c8",
    "aa3680d5d48a8283413f7a108367c7299ca73f553735860a87b08f39395618b7",
    "0f62d96d6675f32685bbdb8ac13cda7c23436f63efbb9d07700d8669ff12b7c4",
    "8d5366123cb560bb606379f90a0bfd4769eecc0557f1b362dcae9012b548b1e5",
    // Sentinels: k = 1 and k = n - 1.
    "0000000000000000000000000000000000000000000000000000000000000001",
    "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
];

/// Base58 secrets: the WIF textbook example (both encodings) and the BIP32 test vector 1
/// master key.
pub const BASE58_KEYS: &[&str] = &[
    "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
    "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617",
    "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
];

/// API keys published by providers, specifications and libraries: exchange documentation
/// samples, the OAuth 2.0 specification's example tokens, and the shared
/// "community" keys that ethers.js embeds in every install (crypto-formats.md 4.6). Compared
/// exactly, as found. A key copied from these pages is public and rate-limited, not a leak.
pub const DOCUMENTED_KEYS: &[&str] = &[
    // Binance spot API docs (rest-api.md, faqs/api_key_types.md).
    "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
    "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
    "Fhs4lGae2qAi6VNjbJjebUAwXrIChb7mlf372UOICMwdKaNdNBGKtfdeUff2TTTT",
    // Coinbase App legacy-keys page.
    "g3BLnUYMOQsIo9V5",
    "M4009eFnOoPwhNoMwJlsAHgIgleGVFPl",
    // Deribit API reference.
    "fo7WAPRm4P",
    "W0H6FJW4IRPZ1MOQ8FP6KMC5RZDUUKXS",
    // Gemini (a widely copied test vector).
    "master-SBR89HWzNzbSfsj9ADI8",
    // Upbit / Bithumb docs (access keys shown in their JWT examples).
    "a7Xd92LmQW3vBtRzYpMj5CxNKeT1HuVs0fFgJcAw",
    "L7rVaYfBIc2BDsnlQGfkR93d6DoOAJCw7mJr5Eso",
    // MEXC API demo.
    "mx004dN8BTlMyJgOf2",
    // Pinata docs (revoke example).
    "94566af5e63833e260be",
    // RFC 6749 (OAuth 2.0) example access and refresh tokens, copied into OAuth libraries'
    // docstrings and tests.
    "2YotnFZFEjr1zCsicMWpAA",
    "tGzv3JOkF0XG5Qx2TlKWIA",
    // ethers.js default provider keys (src.ts/providers/provider-*.ts).
    "_gg7wSSi0KMBsdKnGVfHDueq6xMB9EkC",
    "84842078b09946638c03157f83405213",
    "9f7d929b018cdffb338517efa06f58359e86ff1ffd350bc889738523659e7972",
    "919b412a057b5e9c9b6dce193c5a60242d6efadb",
    "62e1ad51b37b8e00394bda3b",
    "39f1d67cedf8b7831010a665328c9197",
    "0550c209db33c3abf4cc927e1e18cea1",
    "98b5a77e531614387366f6fc5da097f8",
    "cd9d4d70377471aa7c142ec4a4205249",
];

/// True when `secret` (as found, in any of its written forms) is one of the known public keys.
pub fn is_known_public(secret: &str) -> bool {
    use crate::engine::validators::{mnemonic_words, MNEMONIC_WORDS};
    const MAX_WORDS: usize = MNEMONIC_WORDS[MNEMONIC_WORDS.len() - 1];
    let trimmed = secret.trim();
    let hex = trimmed
        .strip_prefix("0x")
        .or_else(|| trimmed.strip_prefix("0X"))
        .unwrap_or(trimmed);
    if hex.len() == 64 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        let lower = hex.to_ascii_lowercase();
        if HEX_KEYS.contains(&lower.as_str()) {
            return true;
        }
    }
    if BASE58_KEYS.contains(&trimmed) || DOCUMENTED_KEYS.contains(&trimmed) {
        return true;
    }
    // The known phrases have a phrase's word count: the words are counted first, without the
    // normalizing's allocation per word (a PEM block, split by its newlines and base64
    // punctuation into hundreds of pieces, was a sixth of the CPU of a scan of keys).
    let words = mnemonic_words(trimmed).take(MAX_WORDS + 1).count();
    let may_be_phrase = MNEMONIC_WORDS.contains(&words);
    if may_be_phrase
        && trimmed
            .bytes()
            .any(|b| b == b' ' || b == b'\n' || b == b',')
    {
        if let Some(words) = crate::engine::validators::normalize_mnemonic(trimmed.as_bytes()) {
            return MNEMONICS.contains(&words.as_str());
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, Mac};
    use k256::elliptic_curve::point::AffineCoordinates;
    use k256::elliptic_curve::PrimeField;
    use k256::{AffinePoint, ProjectivePoint, Scalar};
    use sha2::Sha512;

    /// The word count that gates the phrase comparison lets every known phrase through.
    #[test]
    fn known_phrases_have_the_counted_lengths() {
        for phrase in MNEMONICS {
            let n = phrase.split(' ').count();
            assert!(
                crate::engine::validators::MNEMONIC_WORDS.contains(&n),
                "{phrase}"
            );
            assert!(is_known_public(phrase), "{phrase}");
            assert!(
                is_known_public(&phrase.replace(' ', ", ").to_uppercase()),
                "{phrase}"
            );
        }
    }

    fn hmac512(key: &[u8], data: &[u8]) -> [u8; 64] {
        let mut mac = Hmac::<Sha512>::new_from_slice(key).expect("any key length");
        mac.update(data);
        mac.finalize().into_bytes().into()
    }

    /// BIP32 master key and chain code of a seed.
    fn master(seed: &[u8]) -> ([u8; 32], [u8; 32]) {
        let i = hmac512(b"Bitcoin seed", seed);
        (i[..32].try_into().unwrap(), i[32..].try_into().unwrap())
    }

    /// BIP32 CKDpriv.
    fn child(k: &[u8; 32], c: &[u8; 32], index: u32) -> ([u8; 32], [u8; 32]) {
        let mut data = Vec::with_capacity(37);
        if index >= 0x8000_0000 {
            data.push(0);
            data.extend_from_slice(k);
        } else {
            let scalar = Scalar::from_repr((*k).into()).unwrap();
            let point = AffinePoint::from(ProjectivePoint::GENERATOR * scalar);
            data.push(if bool::from(point.y_is_odd()) { 3 } else { 2 });
            data.extend_from_slice(&point.x());
        }
        data.extend_from_slice(&index.to_be_bytes());
        let i = hmac512(c, &data);
        let il = Scalar::from_repr(<[u8; 32]>::try_from(&i[..32]).unwrap().into()).unwrap();
        let kp = Scalar::from_repr((*k).into()).unwrap();
        let key: [u8; 32] = (il + kp).to_repr().into();
        (key, i[32..].try_into().unwrap())
    }

    /// Private key of m/44'/60'/0'/0/index for a mnemonic (empty passphrase).
    fn eth_account(mnemonic: &str, index: u32) -> String {
        let seed = bip39::Mnemonic::parse(mnemonic).unwrap().to_seed("");
        let (mut k, mut c) = master(&seed);
        for i in [0x8000_002C, 0x8000_003C, 0x8000_0000, 0, index] {
            (k, c) = child(&k, &c, i);
        }
        k.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn hardhat_accounts_derive_from_the_default_mnemonic() {
        for i in 0..20 {
            let key = eth_account(MNEMONICS[0], i);
            assert_eq!(key, HEX_KEYS[i as usize], "Hardhat account {i}");
        }
    }

    #[test]
    fn ganache_and_truffle_accounts_derive_from_their_mnemonics() {
        for i in 0..10 {
            assert_eq!(eth_account(MNEMONICS[1], i), HEX_KEYS[20 + i as usize]);
            assert_eq!(eth_account(MNEMONICS[2], i), HEX_KEYS[30 + i as usize]);
        }
    }

    #[test]
    fn spec_vectors_are_what_the_specs_compute() {
        // BIP32 test vector 1: master key of seed 000102…0f.
        let seed: Vec<u8> = (0u8..16).collect();
        let (k, c) = master(&seed);
        let mut payload = 0x0488_ADE4u32.to_be_bytes().to_vec();
        payload.extend_from_slice(&[0; 9]);
        payload.extend_from_slice(&c);
        payload.push(0);
        payload.extend_from_slice(&k);
        assert_eq!(
            bs58::encode(payload).with_check().into_string(),
            BASE58_KEYS[2]
        );
        // WIF textbook example.
        let k: Vec<u8> = (0..32)
            .map(|i| {
                u8::from_str_radix(
                    &"0C28FCA386C7A227600B2FE50B7CAE11EC86D3BF1FBE471BE89827E19D72AA1D"
                        [i * 2..i * 2 + 2],
                    16,
                )
                .unwrap()
            })
            .collect();
        let mut p = vec![0x80];
        p.extend_from_slice(&k);
        assert_eq!(bs58::encode(&p).with_check().into_string(), BASE58_KEYS[0]);
        p.push(1);
        assert_eq!(bs58::encode(&p).with_check().into_string(), BASE58_KEYS[1]);
        // Every listed mnemonic passes the checksum, and the trezor pattern vectors are the
        // encodings of their entropies.
        for m in MNEMONICS {
            assert!(bip39::Mnemonic::parse(*m).is_ok(), "{m}");
        }
        for (i, len) in [16usize, 24, 32].into_iter().enumerate() {
            for (j, byte) in [0x00u8, 0x7f, 0x80, 0xff].into_iter().enumerate() {
                let m = bip39::Mnemonic::from_entropy(&vec![byte; len]).unwrap();
                assert_eq!(m.to_string(), MNEMONICS[3 + i * 4 + j]);
            }
        }
    }

    #[test]
    fn forms_are_recognized() {
        assert!(is_known_public(
            "0xAC0974BEC39A17E36BA4A6B4D238FF944BACB478CBED5EFCAE784D7BF4F2FF80"
        ));
        assert!(is_known_public(
            "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
        ));
        assert!(is_known_public("[\"test\", \"test\", \"test\", \"test\", \"test\", \"test\",\n \"test\", \"test\", \"test\", \"test\", \"test\", \"junk\"]"));
        assert!(is_known_public(
            "TEST TEST TEST TEST TEST TEST TEST TEST TEST TEST TEST JUNK"
        ));
        assert!(!is_known_public(
            "bc0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
        ));
        assert!(!is_known_public("test test test"));
    }

    /// The twelve random-entropy trezor vectors, derived from their published entropies.
    #[test]
    fn trezor_random_vectors_derive_from_their_entropies() {
        let entropies = [
            "9e885d952ad362caeb4efe34a8e91bd2",
            "6610b25967cdcca9d59875f5cb50b0ea75433311869e930b",
            "68a79eaca2324873eacc50cb9c6eca8cc68ea5d936f98787c60c7ebc74e6ce7c",
            "c0ba5a8e914111210f2bd131f3d5e08d",
            "6d9be1ee6ebd27a258115aad99b7317b9c8d28b6d76431c3",
            "9f6a2878b2520799a44ef18bc7df394e7061a224d2c33cd015b157d746869863",
            "23db8160a31d3e0dca3688ed941adbf3",
            "8197a4a47f0425faeaa69deebc05ca29c0a5b5cc76ceacc0",
            "066dca1a2bb7e8a1db2832148ce9933eea0f3ac9548d793112d9a95c9407efad",
            "f30f8c1da665478f49b001d94c5fc452",
            "c10ec20dc3cd9f652c7fac2f1230f7a3c828389a14392f05",
            "f585c11aec520db57dd353c69554b21a89b20fb0650966fa0a9d6f74fd989d8f",
        ];
        let first = MNEMONICS
            .iter()
            .position(|m| m.starts_with("ozone "))
            .expect("listed");
        for (i, hex) in entropies.iter().enumerate() {
            let entropy: Vec<u8> = (0..hex.len())
                .step_by(2)
                .map(|j| u8::from_str_radix(&hex[j..j + 2], 16).expect("hex"))
                .collect();
            let m = bip39::Mnemonic::from_entropy(&entropy).expect("valid entropy");
            assert_eq!(m.to_string(), MNEMONICS[first + i]);
        }
    }
}
