#!/usr/bin/env python3
"""Quick, approximate accuracy probe of the rule files on the shared corpus, without a build.

It runs the generator's engine emulation (scripts/rulegen/core.py: keyword windows, regex,
entropy, placeholders, validators) of every rule in rules/*.toml over every sample of
../shared/corpus/public.tar.gz and prints recall and FP rate per source, like score.py does
for the real binary.  It is a development aid for writing rules (seconds, not a release build);
the numbers that count come from score.py on target/release/keysweep.

The corpus is test input only: this script reads it at run time and copies nothing from it.

Usage (from the repository root):
    python3 scripts/corpus_probe.py                       # summary per source
    python3 scripts/corpus_probe.py --family ai,cloud     # only rules of these files
    python3 scripts/corpus_probe.py --missed gitleaks     # list missed positives of a source
    python3 scripts/corpus_probe.py --fp                  # list false positives and the rule
    python3 scripts/corpus_probe.py --peer-rule 'kingfisher.stripe'   # per peer rule id prefix
"""
import argparse
import collections
import fnmatch
import json
import os
import sys
import tarfile
import tempfile
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from rulegen import core  # noqa: E402
from gen_fake_secrets import load_families  # noqa: E402


def load_rules(rules_dir, families):
    rules = []
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".toml"):
            continue
        fam = name[:-5]
        if families and fam not in families:
            continue
        with open(os.path.join(rules_dir, name), "rb") as fh:
            for r in tomllib.load(fh).get("rule", []):
                r["_family"] = fam
                rules.append(r)
    return rules


def corpus_dir(path):
    if path.endswith(".tar.gz"):
        tmp = tempfile.mkdtemp(prefix="probe-corpus-")
        with tarfile.open(path) as tar:
            tar.extractall(tmp, filter="data")
        return os.path.join(tmp, "corpus")
    return path


def scan_trees(rules, roots):
    """Every finding of `rules` in the text files under `roots` (files over 1 MiB and files with
    a NUL in their first 8 KiB are skipped, as binaries), one line each, then a count per rule."""
    per_rule = collections.Counter()
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if d not in (".git", "target", "node_modules")]
            for name in filenames:
                path = os.path.join(dirpath, name)
                try:
                    if os.path.getsize(path) > 1 << 20:
                        continue
                    with open(path, "rb") as fh:
                        data = fh.read()
                except OSError:
                    continue
                if b"\0" in data[:8192]:
                    continue
                text = data.decode("utf-8", errors="replace")
                low = text.lower()
                for r in rules:
                    if r.get("companion_only"):
                        continue  # only ever reported inside another rule's finding
                    if r["keywords"]:
                        if not any(k.lower() in low for k in r["keywords"]):
                            continue
                    elif not any(fnmatch.fnmatch(name, g) for g in r.get("file_names", [])):
                        continue
                    for s in core.engine_findings(r, text):
                        per_rule[r["id"]] += 1
                        print(f"{path}: {r['id']}: {s[:80]!r}")
    for rid, n in per_rule.most_common():
        print(f"  {n:5d} {rid}")
    print(f"{sum(per_rule.values())} findings")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=os.path.join(HERE, "..", "..", "shared", "corpus", "public.tar.gz"))
    ap.add_argument("--rules", default=os.path.join(HERE, "..", "rules"))
    ap.add_argument("--family", help="comma-separated rule files (stems) to load; default all")
    ap.add_argument("--missed", help="list the missed positives of this source")
    ap.add_argument("--fp", action="store_true", help="list every false positive with its rule")
    ap.add_argument("--peer-rule", help="only samples whose peer rule id starts with this")
    ap.add_argument("--tree", action="append", help="instead of the corpus, list every finding in the files "
                    "under this directory (real code: every finding there is a false alarm to review); repeatable")
    args = ap.parse_args()

    load_families(tolerant=True)  # validators that family modules register
    rules = load_rules(args.rules, set(args.family.split(",")) if args.family else None)
    if args.tree:
        return scan_trees(rules, args.tree)
    root = corpus_dir(args.corpus)
    with open(os.path.join(root, "manifest.jsonl")) as fh:
        manifest = [json.loads(line) for line in fh if line.strip()]
    if args.peer_rule:
        manifest = [m for m in manifest if m["rule_id"].startswith(args.peer_rule)]

    kw_lower = {r["id"]: [k.lower() for k in r["keywords"]] for r in rules}

    def findings(text):
        out = []
        low = text.lower()
        for r in rules:
            # the engine runs a rule only where one of its keywords occurs (or by file name,
            # which corpus samples never match)
            kws = kw_lower[r["id"]]
            if kws and not any(k in low for k in kws):
                continue
            try:
                got = core.engine_findings(r, text)
            except Exception as e:  # a rule the emulation cannot run is a rule bug: say which
                print(f"rule {r['id']}: {e}", file=sys.stderr)
                continue
            if got and r.get("companion_only"):
                continue
            out.extend((r["id"], s) for s in got)
        return out

    stats = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp, npos, fp, nneg
    per_peer_rule = collections.defaultdict(lambda: [0, 0])
    missed, fps = [], []
    for m in manifest:
        with open(os.path.join(root, m["file"]), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        got = findings(text)
        s = stats[m["source"]]
        if m["label"] == "pos":
            s[1] += 1
            per_peer_rule[m["rule_id"]][1] += 1
            if got:
                s[0] += 1
                per_peer_rule[m["rule_id"]][0] += 1
            elif m["source"] == args.missed:
                missed.append((m, text))
        else:
            s[3] += 1
            if got:
                s[2] += 1
                fps.append((m, got, text))
    for src, (tp, npos, fp, nneg) in sorted(stats.items()):
        print(f"{src:12s} recall {tp / max(npos, 1):.3f} ({tp}/{npos})  fp_rate {fp / max(nneg, 1):.3f} ({fp}/{nneg})")
    if args.peer_rule:
        for rid, (hit, n) in sorted(per_peer_rule.items()):
            print(f"  {rid:50s} {hit}/{n}")
    for m, text in missed:
        print(f"MISSED {m['file']} [{m['rule_id']}] {text[:200]!r}")
    if args.fp:
        for m, got, text in fps:
            print(f"FP {m['file']} [{m['rule_id']}] by {sorted({r for r, _ in got})}: {text[:200]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
