//! What `keysweep scan` reads and finds: ignore files, hidden files, `.git/`, binary and large
//! files, odd bytes, file arguments, the path allowlist.

use crate::util::{json, ks, run, Dir, Fake};

fn finding_paths(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| f["path"].as_str().expect("path").to_string())
        .collect()
}

#[test]
fn finds_a_secret_with_exact_location() {
    let dir = Dir::new();
    let mut fake = Fake::new(1);
    let pat = fake.github_pat();
    dir.create("src/app.py", &format!("import os\n\nTOKEN = \"{pat}\"\n"));
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "stderr: {err}");
    let r = json(&out);
    let f = &r["findings"][0];
    assert_eq!(f["rule_id"], "github-classic-pat");
    assert_eq!(f["path"], "src/app.py");
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 10);
    assert_eq!(f["end_line"], 3);
    assert_eq!(f["end_column"], 10 + 40);
    assert_eq!(f["severity"], "critical");
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(1));
    assert!(!out.contains(&pat), "secret must be redacted");
}

#[test]
fn clean_tree_exits_zero() {
    let dir = Dir::new();
    dir.create("README.md", "nothing to see\n");
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0);
    let r = json(&out);
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(0));
    assert_eq!(r["stats"]["files_scanned"], 1);
}

#[test]
fn honours_gitignore_scans_hidden_files_and_skips_dot_git() {
    let dir = Dir::new();
    let mut fake = Fake::new(2);
    dir.create(".gitignore", "ignored.txt\nbuild/\n");
    dir.create("ignored.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("build/out.txt", &format!("t={}\n", fake.github_pat()));
    dir.create(".env", &format!("GITHUB_TOKEN={}\n", fake.github_pat()));
    dir.create(".ssh/config.txt", &format!("t={}\n", fake.github_pat()));
    dir.create(".git/config", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec![".env", ".ssh/config.txt"]);

    let (_, out, _) = run(ks(&dir).args(["scan", "--no-ignore", "--format", "json"]));
    assert_eq!(
        finding_paths(&json(&out)),
        vec![".env", ".ssh/config.txt", "build/out.txt", "ignored.txt"]
    );
}

#[test]
fn a_file_named_on_the_command_line_is_scanned_even_if_ignored() {
    let dir = Dir::new();
    let mut fake = Fake::new(3);
    dir.create(".gitignore", "secret.txt\n");
    dir.create("secret.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("other.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "secret.txt", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["secret.txt"]);
}

#[test]
fn pre_commit_style_file_list_reports_paths_as_given() {
    let dir = Dir::new();
    let mut fake = Fake::new(4);
    dir.create("a/one.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("b/two.txt", &format!("t={}\n", fake.aws_key_id()));
    dir.create("c/three.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) =
        run(ks(&dir).args(["scan", "./a/one.txt", "b/two.txt", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["a/one.txt", "b/two.txt"]);
}

#[test]
fn binary_and_large_files_are_skipped_and_counted() {
    let dir = Dir::new();
    let mut fake = Fake::new(5);
    let mut bin = b"\x7fELF\0\0".to_vec();
    bin.extend_from_slice(fake.github_pat().as_bytes());
    dir.create_bytes("tool.bin", &bin);
    let big = format!("t={}\n{}", fake.github_pat(), "x".repeat(2000));
    dir.create("big.txt", &big);
    dir.create("small.txt", "hello\n");
    let (code, out, _) = run(ks(&dir).args(["scan", "--max-file-size", "1K", "--format", "json"]));
    assert_eq!(code, 0, "skips are not errors");
    let r = json(&out);
    assert_eq!(r["stats"]["skipped_binary"], 1);
    assert_eq!(r["stats"]["skipped_too_large"], 1);
    assert_eq!(r["stats"]["files_scanned"], 1);
    let skipped = r["skipped"].as_array().expect("skipped");
    assert_eq!(
        skipped.len(),
        1,
        "binary files are only counted: {skipped:?}"
    );
    assert_eq!(skipped[0]["path"], "big.txt");
    assert_eq!(skipped[0]["reason"], "too_large");

    let (_, out, _) = run(ks(&dir).args([
        "scan",
        "--max-file-size",
        "1K",
        "--list-skipped",
        "--format",
        "json",
    ]));
    assert_eq!(json(&out)["skipped"].as_array().map(|a| a.len()), Some(2));
}

#[test]
fn crlf_invalid_utf8_and_missing_final_newline() {
    let dir = Dir::new();
    let mut fake = Fake::new(6);
    let pat = fake.github_pat();
    let mut data = b"\xff\xfe bad utf8\r\nsecond line\r\nkey: ".to_vec();
    data.extend_from_slice(pat.as_bytes());
    dir.create_bytes("win.txt", &data);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let f = &json(&out)["findings"][0];
    assert_eq!(f["line"], 3);
    assert_eq!(f["column"], 6);
    assert_eq!(f["end_column"], 46);
}

#[test]
fn a_secret_at_the_end_of_a_long_single_line() {
    let dir = Dir::new();
    let mut fake = Fake::new(7);
    let first = fake.github_pat();
    let last = fake.aws_key_id();
    let mut line = format!("var a=\"{first}\";");
    while line.len() < 3 * 1024 * 1024 {
        line.push_str("function(x){return x+1};");
    }
    let col = line.len() + 1 + 4;
    line.push_str(&format!("var k=\"{last}\""));
    dir.create("bundle.min.js", &line);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    let findings = r["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{findings:?}");
    assert_eq!(findings[0]["column"], 8);
    assert_eq!(findings[1]["line"], 1);
    assert_eq!(findings[1]["column"], col + 3);
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_fifos_do_not_hang() {
    let dir = Dir::new();
    let mut fake = Fake::new(8);
    dir.create("d/real.txt", &format!("t={}\n", fake.github_pat()));
    std::os::unix::fs::symlink(dir.join("d"), dir.join("d/loop")).expect("symlink");
    std::os::unix::fs::symlink(dir.join("d/real.txt"), dir.join("link.txt")).expect("symlink");
    let fifo = dir.join("pipe");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(status.success());
    let (code, out, _) = run(ks(&dir)
        .args(["scan", "--format", "json"])
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(code, 1);
    assert_eq!(
        finding_paths(&json(&out)),
        vec!["d/real.txt"],
        "symlinks are not followed"
    );

    // A FIFO named on the command line is listed, not read.
    let (code, out, _) = run(ks(&dir)
        .args(["scan", "pipe", "--format", "json"])
        .timeout(std::time::Duration::from_secs(60)));
    assert_eq!(code, 0);
    let r = json(&out);
    assert_eq!(r["skipped"][0]["path"], "pipe");
    assert_eq!(r["skipped"][0]["reason"], "not_a_file");
}

#[test]
fn path_allowlist_in_config_drops_and_counts() {
    let dir = Dir::new();
    let mut fake = Fake::new(9);
    dir.create(".keysweep.toml", "[allowlist]\npaths = [\"fixtures/**\"]\n");
    dir.create("fixtures/a.txt", &format!("t={}\n", fake.github_pat()));
    dir.create("src/b.txt", &format!("t={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    assert_eq!(finding_paths(&r), vec!["src/b.txt"]);
    assert_eq!(r["stats"]["dropped"]["allowlist_path"], 1);
}

#[test]
fn scanning_a_subdirectory_reports_paths_relative_to_it() {
    let dir = Dir::new();
    let mut fake = Fake::new(10);
    dir.create("proj/conf/app.env", &format!("T={}\n", fake.github_pat()));
    let (code, out, _) = run(ks(&dir).args(["scan", "proj", "--format", "json"]));
    assert_eq!(code, 1);
    assert_eq!(finding_paths(&json(&out)), vec!["conf/app.env"]);
}

#[test]
fn several_rules_in_one_file_are_sorted() {
    let dir = Dir::new();
    let mut fake = Fake::new(11);
    let text = format!(
        "stripe = \"{}\"\naws = \"{}\"\ngh = \"{}\"\n",
        fake.stripe_live(),
        fake.aws_key_id(),
        fake.github_pat()
    );
    dir.create("config.yml", &text);
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1);
    let r = json(&out);
    let lines: Vec<i64> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["line"].as_i64().expect("line"))
        .collect();
    assert_eq!(lines, vec![1, 2, 3]);
}

#[test]
fn well_known_public_keys_are_dropped_and_counted() {
    let dir = Dir::new();
    dir.create(
        "hardhat.config.js",
        concat!(
            "module.exports = { networks: { hardhat: { accounts: { mnemonic: ",
            "\"test test test test test test test test test test test junk\" } },\n",
            "  local: { url: \"http://127.0.0.1:8545\", accounts: [\n",
            "    \"0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80\",\n",
            "  ] } } };\n",
            "// PRIVATE_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d\n",
        ),
    );
    let (code, out, _) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 0, "{out}");
    let r = json(&out);
    assert_eq!(r["stats"]["dropped"]["known_test_key"], 3);
}

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_HEX: &[u8] = b"0123456789ABCDEF";
const LOWER_HEX: &[u8] = b"0123456789abcdef";

#[test]
fn an_exchange_key_secret_and_passphrase_are_one_finding_naming_every_part() {
    let dir = Dir::new();
    let mut fake = Fake::new(40);
    let key = format!(
        "{}-{}-4{}-a{}-{}",
        fake.chars(LOWER_HEX, 8),
        fake.chars(LOWER_HEX, 4),
        fake.chars(LOWER_HEX, 3),
        fake.chars(LOWER_HEX, 3),
        fake.chars(LOWER_HEX, 12)
    );
    let secret = fake.chars(UPPER_HEX, 32);
    let bybit_key = fake.chars(ALNUM, 18);
    dir.create(
        "bot/.env",
        &format!(
            "OKX_API_KEY={key}\nOKX_SECRET_KEY={secret}\nOKX_PASSPHRASE=Tr4ding-B0t!\n\n\
             BYBIT_API_KEY={bybit_key}\n"
        ),
    );
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "stderr: {err}");
    let r = json(&out);
    let findings = r["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 2, "{out}");
    let okx = &findings[0];
    assert_eq!(okx["rule_id"], "okx-api-secret");
    assert_eq!(okx["severity"], "critical");
    assert_eq!(okx["line"], 2);
    let parts: Vec<(&str, u64)> = okx["companions"]
        .as_array()
        .expect("companions")
        .iter()
        .map(|c| {
            (
                c["rule_id"].as_str().expect("id"),
                c["line"].as_u64().expect("line"),
            )
        })
        .collect();
    assert_eq!(
        parts,
        vec![("okx-api-key", 1), ("exchange-api-passphrase", 3)]
    );
    // A key with no secret nearby is an identifier: reported alone, at medium.
    assert_eq!(findings[1]["rule_id"], "bybit-api-key");
    assert_eq!(findings[1]["severity"], "medium");
    assert!(findings[1].get("companions").is_none());
    // Every part is redacted, including the companions.
    for s in [&key, &secret, "Tr4ding-B0t!", &bybit_key] {
        assert!(!out.contains(s), "{s} leaked");
    }
    let (_, shown, _) = run(ks(&dir).args(["scan", "--format", "json", "--show-secrets"]));
    assert!(shown.contains("Tr4ding-B0t!") && shown.contains(&key));
}

#[test]
fn a_keystore_is_low_alone_and_high_with_its_password_in_the_same_file() {
    let dir = Dir::new();
    let mut fake = Fake::new(41);
    let keystore = format!(
        "{{\"address\":\"{}\",\"crypto\":{{\"cipher\":\"aes-128-ctr\",\"ciphertext\":\"{}\",\
         \"cipherparams\":{{\"iv\":\"{}\"}},\"kdf\":\"scrypt\",\"kdfparams\":{{\"dklen\":32,\
         \"n\":262144,\"p\":1,\"r\":8,\"salt\":\"{}\"}},\"mac\":\"{}\"}},\"id\":\"{}\",\"version\":3}}",
        fake.chars(LOWER_HEX, 40),
        fake.chars(LOWER_HEX, 64),
        fake.chars(LOWER_HEX, 32),
        fake.chars(LOWER_HEX, 64),
        fake.chars(LOWER_HEX, 64),
        "3198bc9c-6672-4ab3-8fd2-d3a1f5e6c7b8"
    );
    dir.create("keystore/UTC--2024-01-01--wallet.json", &keystore);
    let script = format!(
        "const json = '{keystore}';\n\n// many lines later\n\n\n\n\n\n\n\n\nconst PASSWORD = \"s3cret-unlock-phrase\";\n"
    );
    dir.create("scripts/unlock.js", &script);
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "stderr: {err}");
    let r = json(&out);
    let by_path: Vec<(&str, &str, usize)> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().expect("path"),
                f["severity"].as_str().expect("severity"),
                f.get("companions")
                    .and_then(|c| c.as_array())
                    .map_or(0, |c| c.len()),
            )
        })
        .collect();
    assert_eq!(
        by_path,
        vec![
            ("keystore/UTC--2024-01-01--wallet.json", "low", 0),
            ("scripts/unlock.js", "high", 1)
        ]
    );
}

#[test]
fn a_bare_solana_id_json_is_found_by_its_file_name() {
    let dir = Dir::new();
    let mut fake = Fake::new(42);
    let seed: Vec<u8> = fake.chars(LOWER_HEX, 32).bytes().collect();
    let seed: [u8; 32] = seed.try_into().expect("32 bytes");
    let public = ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key();
    let bytes: Vec<String> = seed
        .iter()
        .chain(public.as_bytes())
        .map(|b| b.to_string())
        .collect();
    let array = format!("[{}]", bytes.join(","));
    dir.create(".config/solana/id.json", &array);
    dir.create("target/deploy/vault-keypair.json", &format!("{array}\n"));
    // The same array in a file with another name and no key context is not reported.
    dir.create("data/samples.json", &array);
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json", "--no-ignore"]));
    assert_eq!(code, 1, "stderr: {err}");
    let r = json(&out);
    let found: Vec<(&str, &str, bool)> = r["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().expect("path"),
                f["rule_id"].as_str().expect("rule"),
                f["validated"].as_bool().expect("validated"),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            (".config/solana/id.json", "solana-keypair-file", true),
            (
                "target/deploy/vault-keypair.json",
                "solana-keypair-file",
                true
            )
        ]
    );
}

/// Passwords and short keys in `.env` files and shell profiles are found by the file's name
/// (`NAME=value`, quoted or not, `export` or not), once each; in a file of another name only the
/// quoted password is (by `generic-password`); templates and comments are not.
#[test]
fn env_files_and_shell_profiles() {
    let dir = Dir::new();
    let mut fake = Fake::new(24);
    let mut password = || {
        let upper = fake.chars(b"ABCDEFGHJKLMNPQRSTUVWXYZ", 3);
        let lower = fake.chars(b"abcdefghijkmnopqrstuvwxyz", 4);
        let digits = fake.chars(b"23456789", 3);
        format!("{upper}{lower}!{digits}")
    };
    let (db, smtp, pg, other) = (password(), password(), password(), password());
    let key = fake.chars(
        b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789",
        16,
    );
    let lines = format!(
        "DB_PASSWORD={db}\nexport SMTP_PASS=\"{smtp}\"  # mailer\nDEPLOY_API_KEY={key}\n\
         # OLD_PASSWORD={other}\nDB_PASSWORD=${{DB_PASSWORD}}\nPASSWORD_MIN_LENGTH=12\n"
    );
    dir.create(".env.production", &lines);
    dir.create(
        "home/.bashrc",
        &format!("alias ll='ls -l'\nexport PGPASSWORD={pg}\n"),
    );
    dir.create("notes.txt", &lines);
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json", "--show-secrets"]));
    assert_eq!(code, 1, "stderr: {err}");
    let mut found: Vec<(String, String, String)> = json(&out)["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            let field = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (field("path"), field("rule_id"), field("secret"))
        })
        .collect();
    found.sort();
    let expect = |path: &str, rule: &str, secret: &str| {
        (path.to_string(), rule.to_string(), secret.to_string())
    };
    let mut expected = vec![
        expect(".env.production", "env-file-password", &db),
        expect(".env.production", "env-file-password", &smtp),
        expect(".env.production", "env-file-secret", &key),
        expect("home/.bashrc", "env-file-password", &pg),
        expect("notes.txt", "generic-password", &smtp),
    ];
    expected.sort();
    assert_eq!(found, expected);
}
