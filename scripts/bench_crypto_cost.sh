#!/usr/bin/env bash
# What the crypto rule families cost in dir mode. Builds the same engine twice, with and without
# rules/{wallets,crypto-exchanges,web3}.toml (and, with BASE_REV=<commit>, a third binary from
# that commit), then times them interleaved on the cargo tree and prints the medians.
#
#   scripts/bench_crypto_cost.sh [TREE]      (default: ~/.cache/keysweep-bench/cargo-tree,
#                                             made by ../shared/bench/perf.sh setup)
#   RUNS=31 BASE_REV=2abe69f scripts/bench_crypto_cost.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-$HOME/.cache/keysweep-bench/cargo-tree}
runs=${RUNS:-21}
[[ -d $tree ]] || { echo "no tree at $tree: run ../shared/bench/perf.sh setup" >&2; exit 2; }
work=$(mktemp -d)
cleanup() {
  git -C "$root" worktree remove --force "$work/without" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "building: with crypto rules (HEAD + working tree)" >&2
(cd "$root" && cargo build --release -q)
cp "$root/target/release/keysweep" "$work/keysweep-with"

echo "building: without rules/{wallets,crypto-exchanges,web3}.toml" >&2
git -C "$root" worktree add -q --detach "$work/without" HEAD
cp -r "$root/rules/." "$work/without/rules/"
rm -f "$work/without/rules/"{wallets,crypto-exchanges,web3}.toml
(cd "$work/without" && CARGO_TARGET_DIR="$root/target/bench-without" cargo build --release -q)
cp "$root/target/bench-without/release/keysweep" "$work/keysweep-without"

bins=("$work/keysweep-without" "$work/keysweep-with")
if [[ -n ${BASE_REV:-} ]]; then
  echo "building: $BASE_REV" >&2
  git -C "$root" worktree add -q --detach "$work/base" "$BASE_REV"
  (cd "$work/base" && CARGO_TARGET_DIR="$root/target/bench-base" cargo build --release -q)
  cp "$root/target/bench-base/release/keysweep" "$work/keysweep-base"
  bins+=("$work/keysweep-base")
fi

python3 - "$tree" "$runs" "${bins[@]}" <<'PY'
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
    print(f"{b.rsplit('/', 1)[-1]:18} rules~{rules[b]:4}  median {m * 1000:7.1f} ms  "
          f"min {min(times[b]) * 1000:7.1f} ms  ({(m / base - 1) * 100:+.1f} % vs without)")
PY
