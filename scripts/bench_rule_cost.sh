#!/usr/bin/env bash
# What a set of rules costs in dir mode: builds the same engine (HEAD + working tree) twice, once
# with every rule file and once with a smaller rule set, then times both interleaved on a tree
# and prints the medians. The smaller set is either the rule files of another revision
# (RULES_REV, e.g. the foundation's rule set) or the current files minus some (WITHOUT).
#
#   RULES_REV=2abe69f scripts/bench_rule_cost.sh [TREE]      the foundation's rules vs all
#   WITHOUT="wallets crypto-exchanges web3" scripts/bench_rule_cost.sh   all but these vs all
#   (TREE default: ~/.cache/keysweep-bench/cargo-tree, made by ../shared/bench/perf.sh setup;
#    RUNS=21 by default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$HOME/.cache/keysweep-bench/cargo-tree}
runs=${RUNS:-21}
[[ -d $tree ]] || { echo "no tree at $tree: run ../shared/bench/perf.sh setup" >&2; exit 2; }
[[ -n ${RULES_REV:-}${WITHOUT:-} ]] || { echo "set RULES_REV=<rev> or WITHOUT=\"family ...\"" >&2; exit 2; }
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/small" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building: every rule (HEAD + working tree)" >&2
(cd "$root" && cargo build --release -q)
cp "$root/target/release/keysweep" "$work/keysweep-all"

git -C "$root" worktree add -q --detach "$work/small" HEAD
# the working tree's code, so that both binaries differ only in their rules
(cd "$root" && tar -cf - src build.rs Cargo.toml Cargo.lock) | tar -xf - -C "$work/small"
rm -rf "$work/small/rules" && mkdir "$work/small/rules"
if [[ -n ${RULES_REV:-} ]]; then
  echo "building: the rules of $RULES_REV" >&2
  git -C "$root" archive "$RULES_REV" rules | tar -xf - -C "$work/small"
else
  echo "building: every rule but rules/{${WITHOUT// /,}}.toml" >&2
  cp "$root"/rules/*.toml "$work/small/rules/"
  for f in $WITHOUT; do rm -f "$work/small/rules/$f.toml"; done
fi
(cd "$work/small" && CARGO_TARGET_DIR="$root/target/bench-small" cargo build --release -q)
cp "$root/target/bench-small/release/keysweep" "$work/keysweep-small"

python3 - "$tree" "$runs" "$work/keysweep-small" "$work/keysweep-all" <<'PY'
import statistics, subprocess, sys, time
tree, runs, bins = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
times = {b: [] for b in bins}
for b in bins:  # warm the page cache and each binary once
    subprocess.run([b, "scan", tree], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for b in bins:
        t = time.perf_counter()
        r = subprocess.run([b, "scan", tree], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[b].append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit(f"{b} exited {r.returncode}")
rules = {b: subprocess.run([b, "rules"], capture_output=True, text=True).stdout.count("\n") for b in bins}
base = statistics.median(times[bins[0]])
for b in bins:
    m = statistics.median(times[b])
    print(f"{b.rsplit('/', 1)[-1]:16} rules~{rules[b]:4}  median {m * 1000:7.1f} ms  "
          f"min {min(times[b]) * 1000:7.1f} ms  ({(m / base - 1) * 100:+.1f} % vs the smaller set)")
PY
