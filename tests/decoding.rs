//! Secrets in encoded text: base64 (Kubernetes `Secret` manifests, CI variables), hex,
//! percent-encoding, and encodings nested up to `--max-decode-depth`.

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

use crate::util::{json, ks, run, Dir, Fake};

fn findings(dir: &Dir, extra: &[&str]) -> Vec<serde_json::Value> {
    let (code, out, err) = run(ks(dir).args(["scan", "--format", "json"]).args(extra));
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    json(&out)["findings"].as_array().expect("findings").clone()
}

#[test]
fn a_token_in_a_kubernetes_secret_manifest() {
    let dir = Dir::new();
    let mut fake = Fake::new(200);
    let pat = fake.github_pat();
    let encoded = STANDARD.encode(&pat);
    let manifest = format!(
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci-token\ntype: Opaque\ndata:\n  token: {encoded}\n  user: YWRtaW4=\n"
    );
    dir.create("k8s/secret.yaml", &manifest);
    let found = findings(&dir, &["--show-secrets"]);
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["secret"], pat.as_str());
    assert_eq!(f["decoded"], serde_json::json!(["base64"]));
    // The place is the encoded text's.
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(7), Some(10))
    );
    assert_eq!(f["end_column"].as_u64(), Some(10 + encoded.len() as u64));
}

#[test]
fn hex_percent_url_safe_and_nested_encodings() {
    let dir = Dir::new();
    let mut fake = Fake::new(201);
    let env = |fake: &mut Fake| format!("GITHUB_TOKEN={}\n", fake.github_pat());
    let hex: String = env(&mut fake).bytes().map(|b| format!("{b:02x}")).collect();
    let percent: String = format!("https://ci.example/hook?cfg={}", env(&mut fake))
        .replace('=', "%3D")
        .replace('\n', "%0A");
    let url_safe = URL_SAFE_NO_PAD.encode(format!("{}??>>", env(&mut fake)));
    let inner_hex: String = env(&mut fake).bytes().map(|b| format!("{b:02X}")).collect();
    let nested = STANDARD.encode(format!("blob: {inner_hex}\n"));
    dir.create(
        "a.txt",
        &format!("h={hex}\np {percent}\nu={url_safe}\nn={nested}\n"),
    );
    let found = findings(&dir, &[]);
    let decoded: Vec<(u64, serde_json::Value)> = found
        .iter()
        .map(|f| (f["line"].as_u64().expect("line"), f["decoded"].clone()))
        .collect();
    assert_eq!(
        decoded,
        [
            (1, serde_json::json!(["hex"])),
            (2, serde_json::json!(["percent"])),
            (3, serde_json::json!(["base64"])),
            (4, serde_json::json!(["base64", "hex"])),
        ]
    );
    // One layer only: the nested one is out of reach; none: nothing is decoded.
    assert_eq!(findings(&dir, &["--max-decode-depth", "1"]).len(), 3);
    assert_eq!(findings(&dir, &["--max-decode-depth", "0"]).len(), 0);
}

#[test]
fn fingerprints_of_decoded_secrets_are_those_of_the_secret() {
    let dir = Dir::new();
    let mut fake = Fake::new(202);
    let pat = fake.github_pat();
    dir.create("plain.txt", &format!("t={pat}\n"));
    dir.create(
        "b64.txt",
        &format!("t={}\n", STANDARD.encode(format!("token {pat}"))),
    );
    let found = findings(&dir, &[]);
    assert_eq!(found.len(), 2);
    // Same rule and secret, different paths: different fingerprints, but neither depends on
    // the encoding (a baseline entry survives re-encoding the same file).
    assert_ne!(found[0]["fingerprint"], found[1]["fingerprint"]);
    dir.create(
        "b64.txt",
        &format!("t={}\n", STANDARD.encode(format!("token: {pat} "))),
    );
    let again = findings(&dir, &[]);
    assert_eq!(again[0]["fingerprint"], found[0]["fingerprint"]);
}

/// A PEM key base64-encoded as a whole (a Kubernetes TLS secret) is one finding, not two: the
/// rule that knows the encoded form keeps it, proven by the key check of what it decodes to;
/// without decoding it is still found, unproven.
#[test]
fn a_base64_wrapped_pem_key_is_one_finding() {
    let dir = Dir::new();
    let mut fake = Fake::new(203);
    // A DER SEQUENCE's start (what a PKCS#1 key's body decodes to), then filler.
    let mut der = vec![0x30, 0x82, 0x02, 0x5c];
    der.extend(
        fake.chars(b"0123456789abcdefghijklmnopqrstuvwxyz", 600)
            .bytes(),
    );
    let body = STANDARD.encode(der);
    let lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|c| std::str::from_utf8(c).expect("base64 is ASCII"))
        .collect();
    let marker = ["PRIVATE", "KEY-----"].join(" ");
    let pem = format!(
        "-----BEGIN RSA {marker}\n{}\n-----END RSA {marker}\n",
        lines.join("\n")
    );
    let encoded = STANDARD.encode(pem);
    dir.create(
        "k8s/tls.yaml",
        &format!(
            "apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: {encoded}\n"
        ),
    );
    let found = findings(&dir, &[]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["rule_id"], "private-key-pem-base64");
    assert_eq!(found[0]["validated"], true);
    assert_eq!(found[0]["validation"], "pem-private-key");
    // The whole value, though it runs past the 1,024 bytes a window reaches after its keyword.
    assert!(encoded.len() > 1100, "{}", encoded.len());
    assert_eq!(
        (found[0]["column"].as_u64(), found[0]["end_column"].as_u64()),
        (Some(12), Some(12 + encoded.len() as u64))
    );
    let found = findings(&dir, &["--max-decode-depth", "0"]);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["validated"], false);
}
