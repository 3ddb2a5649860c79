#!/usr/bin/env python3
"""Generate keysweep's built-in rule files (rules/*.toml) with FAKE example secrets.

Every rule lives once, in its family's module under scripts/rulegen/families/ (one
module per rules/<family>.toml; shared helpers in scripts/rulegen/core.py): its metadata,
its regex, and two functions that build its examples (each must produce a finding of that rule) and negative examples
(each must not).  Every example secret is random, drawn from a seeded
`random.Random`, so a run is reproducible and no real credential is ever copied
into the repository.  Where a format carries a checksum the fake carries a valid
one (GitHub/npm CRC32, OpenPGP armor CRC24, Ed25519 public half of a Coinbase CDP
key, secp256k1 range of an Ethereum key).

Usage (from the repository root):
    python3 scripts/gen_fake_secrets.py            # (re)write rules/*.toml
    python3 scripts/gen_fake_secrets.py --check    # write, then check every rule
    python3 scripts/gen_fake_secrets.py --stdout   # print the TOML instead

`--check` parses the files back with tomllib and runs every regex the way the
engine does (bytes, ASCII classes, only inside the window around a keyword
hit, entropy floor, placeholder filter, secp256k1 range), so a broken rule is
caught before the Rust test exists.  Python 3.11+, standard library only.
"""

import argparse
import importlib
import os
import pkgutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rulegen import core  # noqa: E402
from rulegen import families  # noqa: E402


def load_families(only=None, tolerant=False):
    """Import the family modules (all, or the modules of the families in `only`) in name order;
    each registers its rules with core.rule(). `tolerant`: a module that fails to import is
    reported and skipped (for tools that only read rules/*.toml)."""
    for info in sorted(pkgutil.iter_modules(families.__path__), key=lambda m: m.name):
        if only is not None and info.name.replace("_", "-") not in only:
            continue
        try:
            importlib.import_module(f"rulegen.families.{info.name}")
        except Exception as e:  # noqa: BLE001
            if not tolerant:
                raise
            print(f"warning: family module {info.name} does not import: {e}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules"))
    ap.add_argument("--stdout", action="store_true", help="print the TOML instead of writing files")
    ap.add_argument("--check", action="store_true", help="after writing, check every rule offline")
    ap.add_argument("--only", help="comma-separated families (rules/<family>.toml stems) to write and check "
                    "(default: all; every family is still loaded, since a rule can depend on the others: "
                    "the generic rules exclude every provider's name)")
    args = ap.parse_args()
    core.self_test()
    wanted = set(args.only.split(",")) if args.only else None
    # Every family, whatever `--only` says: generic rules' exclude_words are built from all the
    # other rules (loading only `generic` once wrote them without any provider name).
    load_families()
    fams = core.materialize()
    if wanted:
        unknown = wanted - set(fams)
        if unknown:
            print(f"unknown families: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        fams = {k: v for k, v in fams.items() if k in wanted}
    if args.stdout:
        for family, rules in fams.items():
            print(f"# ===== rules/{family}.toml")
            print(core.render(family, rules))
        return 0
    os.makedirs(args.out, exist_ok=True)
    for family, rules in fams.items():
        with open(os.path.join(args.out, f"{family}.toml"), "w", newline="\n") as f:
            f.write(core.render(family, rules))
    n = sum(len(v) for v in fams.values())
    print(f"wrote {n} rules in {len(fams)} files to {os.path.normpath(args.out)}")
    if args.check:
        total, errors = core.check(list(fams), args.out)
        for e in errors:
            print("ERROR", e)
        print(f"checked {total} rules: {len(errors)} problem(s)")
        return 1 if errors else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
