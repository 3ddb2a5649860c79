#!/usr/bin/env python3
"""Writes src/engine/common_triples.txt: the byte triples (ASCII-lowercased, as the keyword
filter sees text) that are most frequent in a body of source code, with their counts.

The keyword filter (src/engine/keyword_filter.rs) hashes each text triple into its table, and a
three-byte keyword passes every text triple that hashes where it does. Text is made of a few
very frequent triples (`ing`, `the`, `fea`…): one of them hashing where a keyword does lets
tens of thousands of positions through to the comparison. The filter picks the hash multiplier
that keeps these triples away from the keywords' entries, and this file is what it knows of
which triples are frequent.

Usage: python3 scripts/common_triples.py [DIR ...]   (default: ~/.cargo/registry/src, the
sources of the crates cargo downloaded: Rust, Markdown, TOML, C, shell, JSON, prose)
Options: --top N (default 4000), --output FILE.
"""
import argparse
import collections
import os
import sys

MAX_FILE = 1 << 20  # bytes read per file: one huge generated file should not set the counts


def text_files(roots):
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in (".git", "target"))
            for name in sorted(filenames):
                yield os.path.join(dirpath, name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("roots", nargs="*", default=[os.path.expanduser("~/.cargo/registry/src")])
    ap.add_argument("--top", type=int, default=4000)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--output", default=os.path.join(here, "..", "src", "engine", "common_triples.txt"))
    args = ap.parse_args()

    counts = collections.Counter()
    files = total = 0
    for path in text_files(args.roots):
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE)
        except OSError:
            continue
        if b"\0" in data[:8192]:
            continue  # binary
        data = data.lower()  # ASCII only, as the filter's to_ascii_lowercase
        counts.update(zip(data, data[1:], data[2:]))
        files += 1
        total += max(len(data) - 2, 0)
    if not files:
        sys.exit(f"no text files under {' '.join(args.roots)}")
    top = counts.most_common(args.top)
    with open(args.output, "w") as out:
        out.write(f"# The {len(top)} most frequent byte triples (lowercased) of {files} text files, "
                  f"{total} triples in all,\n")
        out.write("# by scripts/common_triples.py: the triple as six hex digits, then its count.\n")
        for (a, b, c), n in top:
            out.write(f"{a:02x}{b:02x}{c:02x} {n}\n")
    print(f"{args.output}: {len(top)} triples from {files} files", file=sys.stderr)


if __name__ == "__main__":
    main()
