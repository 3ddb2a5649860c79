//! Archives and UTF-16 files: members scanned (`archive.zip!inner/path`) in `scan` and `git`,
//! nested archives up to `--max-archive-depth`, decompression bombs stopped with a warning,
//! UTF-16 text scanned with lines and columns of the decoded text.

use std::io::{Cursor, Write};

use crate::util::{commit, git_init, json, ks, run, Dir, Fake};

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in files {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("start");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn tar_gz_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *data).expect("append");
    }
    let tar = b.into_inner().expect("tar");
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(&tar).expect("gz");
    e.finish().expect("gz")
}

fn places(report: &serde_json::Value) -> Vec<(String, u64)> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().expect("path").to_string(),
                f["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn members_of_zip_jar_tgz_and_nested_archives() {
    let dir = Dir::new();
    let mut fake = Fake::new(300);
    let env = |fake: &mut Fake| format!("# cfg\nGITHUB_TOKEN={}\n", fake.github_pat());
    let inner = zip_of(&[("inner/app.env", env(&mut fake).as_bytes())]);
    dir.create_bytes(
        "dist/app.jar",
        &zip_of(&[
            ("META-INF/app.env", env(&mut fake).as_bytes()),
            ("lib/inner.zip", &inner),
        ]),
    );
    dir.create_bytes(
        "backup.tgz",
        &tar_gz_of(&[("etc/app.env", env(&mut fake).as_bytes())]),
    );
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(
        places(&r),
        [
            ("backup.tgz!etc/app.env".to_string(), 2),
            ("dist/app.jar!META-INF/app.env".to_string(), 2),
            ("dist/app.jar!lib/inner.zip!inner/app.env".to_string(), 2),
        ]
    );
    // One level: the zip in the jar is not opened, and says so.
    let (_, out, _) = run(ks(&dir).args(["scan", "--format", "json", "--max-archive-depth", "1"]));
    let r = json(&out);
    assert_eq!(places(&r).len(), 2);
    assert_eq!(r["skipped"][0]["path"], "dist/app.jar!lib/inner.zip");
    assert_eq!(r["skipped"][0]["reason"], "archive_limit");
    let (code, out, _) =
        run(ks(&dir).args(["scan", "--format", "json", "--max-archive-depth", "0"]));
    assert_eq!((code, places(&json(&out)).len()), (0, 0));
}

#[test]
fn a_decompression_bomb_is_a_warning_and_a_skipped_entry() {
    let dir = Dir::new();
    let zeros = vec![b'0'; 50 << 20];
    dir.create_bytes("bomb.zip", &zip_of(&[("zeros.txt", &zeros)]));
    dir.create_bytes("broken.zip", b"PK\x03\x04 this is not a zip");
    let (code, out, err) =
        run(ks(&dir).args(["scan", "--format", "json", "--max-file-size", "100M"]));
    assert_eq!(code, 0, "a policy skip is not an error: {err}");
    let r = json(&out);
    let reasons: Vec<(&str, &str)> = r["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap_or(""),
                s["reason"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        [("bomb.zip", "archive_limit"), ("broken.zip", "bad_archive")]
    );
    assert_eq!(r["stats"]["skipped_archive"], 2);
    assert!(
        err.contains("keysweep: warning: bomb.zip: archive limit: zeros.txt expands"),
        "{err}"
    );
}

#[test]
fn utf16_files_are_text_with_decoded_lines_and_columns() {
    let dir = Dir::new();
    let mut fake = Fake::new(301);
    let pat = fake.github_pat();
    let text = format!("Windows Registry Editor\r\n\r\n\"Token\"=\"{pat}\"\r\n");
    for (name, bytes) in [
        (
            "le-bom.reg",
            [
                vec![0xFF, 0xFE],
                text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            ]
            .concat(),
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        dir.create_bytes(name, &bytes);
    }
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    for f in r["findings"].as_array().expect("findings") {
        assert_eq!(
            (f["line"].as_u64(), f["column"].as_u64()),
            (Some(3), Some(10)),
            "{f}"
        );
    }
    assert_eq!(r["findings"].as_array().map(|a| a.len()), Some(2));
}

#[test]
fn archives_in_git_history_and_staged() {
    let dir = Dir::new();
    git_init(&dir);
    let mut fake = Fake::new(302);
    let member = format!("TOKEN={}\n", fake.github_pat());
    let z = zip_of(&[("conf/app.env", member.as_bytes())]);
    dir.create_bytes("release.zip", &z);
    commit(&dir, &[], "add release");
    let (code, out, err) = run(ks(&dir).args(["git", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r = json(&out);
    assert_eq!(places(&r), [("release.zip!conf/app.env".to_string(), 1)]);
    assert_eq!(r["findings"][0]["message"], "add release");

    let member = format!("TOKEN={}\n", fake.github_pat());
    dir.create_bytes("next.zip", &zip_of(&[("x.env", member.as_bytes())]));
    crate::util::git(dir.path(), &["add", "next.zip"]);
    let (code, out, err) = run(ks(&dir).args(["git", "--staged", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(places(&json(&out)), [("next.zip!x.env".to_string(), 1)]);
}

#[test]
fn member_names_never_climb_out_of_the_scanned_tree() {
    let dir = Dir::new();
    let mut fake = Fake::new(303);
    let env = format!("TOKEN={}\n", fake.github_pat());
    dir.create_bytes(
        "slip.zip",
        &zip_of(&[("../../etc/cron.d/job.env", env.as_bytes())]),
    );
    let (code, out, err) = run(ks(&dir).args(["scan", "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        places(&json(&out)),
        [("slip.zip!__/__/etc/cron.d/job.env".to_string(), 1)]
    );
}
