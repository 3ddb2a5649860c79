//! Folding companion matches into their primary: an exchange's API key, secret and passphrase
//! found together are one leak with one remediation, so they are one finding that names all
//! parts, not three findings a reviewer has to connect by hand.

use std::collections::HashMap;

use super::{Companion, RawMatch, Scanner};

/// Folds every companion match (see `Rule::pair_with`) that lies within its primary rule's
/// distance into the nearest primary match, drops companion-only matches that no primary took,
/// and keeps everything else as it was. `matches` is sorted by start; so is the result.
pub(super) fn fold_companions(
    scanner: &Scanner,
    data: &[u8],
    matches: Vec<RawMatch>,
) -> Vec<RawMatch> {
    // Positions (into `matches`, hence sorted by start) of each rule's matches.
    let mut by_rule: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, m) in matches.iter().enumerate() {
        by_rule.entry(m.rule).or_default().push(i);
    }
    let mut taken = vec![false; matches.len()];
    let mut folded: Vec<Vec<Companion>> = vec![Vec::new(); matches.len()];
    for (p, primary) in matches.iter().enumerate() {
        let wanted = scanner.companions_of(primary.rule);
        if wanted.is_empty() || taken[p] {
            continue;
        }
        let distance = scanner.rule(primary.rule).pair_distance();
        for &companion_rule in wanted {
            let Some(candidates) = by_rule.get(&companion_rule) else {
                continue;
            };
            if let Some(c) = nearest(data, &matches, candidates, &taken, p, distance) {
                taken[c] = true;
                folded[p].push(Companion {
                    rule: companion_rule,
                    start: matches[c].start,
                    end: matches[c].end,
                });
            }
        }
        folded[p].sort_by_key(|c| c.start);
    }
    matches
        .into_iter()
        .zip(folded)
        .enumerate()
        .filter(|(i, (m, _))| !taken[*i] && !scanner.rule(m.rule).companion_only)
        .map(|(_, (mut m, companions))| {
            m.companions = companions;
            m
        })
        .collect()
}

/// How many candidates on each side of the primary are looked at: bounds the cost on a blob
/// with thousands of matches; the nearest companions are the ones that matter.
const MAX_LOOK: usize = 64;

/// The untaken candidate nearest to `matches[p]` in lines, within `distance` (0: any).
fn nearest(
    data: &[u8],
    matches: &[RawMatch],
    candidates: &[usize],
    taken: &[bool],
    p: usize,
    distance: usize,
) -> Option<usize> {
    let primary = &matches[p];
    let split = candidates.partition_point(|&c| matches[c].start < primary.start);
    let mut best: Option<(usize, usize)> = None;
    let before = candidates[..split].iter().rev().take(MAX_LOOK);
    let after = candidates[split..].iter().take(MAX_LOOK);
    for side in [
        before.copied().collect::<Vec<_>>(),
        after.copied().collect(),
    ] {
        for c in side {
            if c == p || taken[c] {
                continue;
            }
            let lines = lines_between(data, primary, &matches[c]);
            if distance != 0 && lines > distance {
                break; // further candidates on this side are further away
            }
            if best.is_none_or(|(l, _)| lines < l) {
                best = Some((lines, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// How many line breaks separate two matches (0 on the same line).
fn lines_between(data: &[u8], a: &RawMatch, b: &RawMatch) -> usize {
    let (first_end, second_start) = if a.start <= b.start {
        (a.end, b.start)
    } else {
        (b.end, a.start)
    };
    if second_start <= first_end {
        return 0;
    }
    memchr::memchr_iter(b'\n', &data[first_end..second_start]).count()
}

#[cfg(test)]
mod tests {
    use crate::engine::{Scanner, ScannerBuilder};
    use crate::rules::parse_rule_file;

    const RULES: &str = r#"
[[rule]]
id = "acme-secret"
description = "d"
severity = "critical"
keywords = ["acme_secret"]
regex = '''acme_secret=([a-z0-9]{16})'''
pair_with = ["acme-key", "acme-passphrase"]
remediation = "r"

[[rule]]
id = "acme-key"
description = "d"
severity = "medium"
keywords = ["acme_key"]
regex = '''acme_key=([A-Z0-9]{8})'''
remediation = "r"

[[rule]]
id = "acme-passphrase"
description = "d"
severity = "low"
keywords = ["acme_passphrase"]
regex = '''acme_passphrase=(\S+)'''
companion_only = true
remediation = "r"
"#;

    fn scanner() -> Scanner {
        ScannerBuilder::new()
            .rules(parse_rule_file("t.toml", RULES).expect("parse"))
            .build()
            .expect("build")
    }

    fn ids(s: &Scanner, data: &[u8]) -> Vec<(String, Vec<String>)> {
        s.scan(data)
            .iter()
            .map(|m| {
                (
                    s.rule(m.rule).id.to_string(),
                    m.companions
                        .iter()
                        .map(|c| s.rule(c.rule).id.to_string())
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn key_secret_and_passphrase_nearby_are_one_match() {
        let s = scanner();
        let data = b"acme_key=AB12CD34\nacme_secret=a1b2c3d4e5f6a7b8\nacme_passphrase=hunter2!\n";
        assert_eq!(
            ids(&s, data),
            vec![(
                "acme-secret".to_string(),
                vec!["acme-key".to_string(), "acme-passphrase".to_string()]
            )]
        );
        let m = &s.scan(data)[0];
        assert_eq!(
            &data[m.companions[0].start..m.companions[0].end],
            b"AB12CD34"
        );
    }

    #[test]
    fn far_apart_parts_stay_apart_and_a_bare_passphrase_is_not_reported() {
        let s = scanner();
        let mut data = b"acme_key=AB12CD34\n".to_vec();
        data.extend(std::iter::repeat_n(b'\n', 10));
        data.extend_from_slice(b"acme_secret=a1b2c3d4e5f6a7b8\n");
        assert_eq!(
            ids(&s, &data),
            vec![
                ("acme-key".to_string(), vec![]),
                ("acme-secret".to_string(), vec![])
            ]
        );
        assert!(ids(&s, b"acme_passphrase=hunter2!").is_empty());
    }

    #[test]
    fn each_secret_takes_its_nearest_key() {
        let s = scanner();
        let data = b"acme_key=AAAA1111\nacme_secret=a1b2c3d4e5f6a7b8\n\n\nacme_key=BBBB2222\nacme_secret=b1b2c3d4e5f6a7b8\n";
        let m = s.scan(data);
        assert_eq!(m.len(), 2);
        assert_eq!(
            &data[m[0].companions[0].start..m[0].companions[0].end],
            b"AAAA1111"
        );
        assert_eq!(
            &data[m[1].companions[0].start..m[1].companions[0].end],
            b"BBBB2222"
        );
    }

    #[test]
    fn unknown_companion_is_a_config_error() {
        let bad = RULES.replace("\"acme-key\", ", "\"acme-nope\", ");
        let err = ScannerBuilder::new()
            .rules(parse_rule_file("t.toml", &bad).expect("parse"))
            .build()
            .expect_err("unknown companion");
        assert!(err.to_string().contains("acme-nope"), "{err}");
    }
}
