#!/usr/bin/env bash
# What a feature costs in dir mode: times the release binary on a tree with and without some
# flags, interleaved, and prints the medians. For decoding and archives (issue: "the dir
# benchmark slows by no more than 15 %"):
#
#   FLAGS="--max-decode-depth 0 --max-archive-depth 0" scripts/bench_flags.sh [TREE...]
#
# (TREE default: the cargo and requests trees made by ../shared/bench/perf.sh setup;
#  RUNS=21 by default; BIN=target/release/keysweep, built if missing)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${DATA:-$HOME/.cache/keysweep-bench}
[[ $# -gt 0 ]] || set -- "$data/cargo-tree" "$data/requests-tree"
runs=${RUNS:-21}
flags=${FLAGS:?set FLAGS to the flags that turn the feature off}
bin=${BIN:-$root/target/release/keysweep}
[[ -x $bin ]] || (cd "$root" && cargo build --release -q)
for tree in "$@"; do
  [[ -d $tree ]] || { echo "no tree at $tree: run ../shared/bench/perf.sh setup" >&2; exit 2; }
  python3 - "$bin" "$tree" "$runs" "$flags" <<'PY'
import shlex, statistics, subprocess, sys, time
bin, tree, runs, flags = sys.argv[1], sys.argv[2], int(sys.argv[3]), shlex.split(sys.argv[4])
cases = {"without (" + " ".join(flags) + ")": [bin, "scan", tree, *flags], "default": [bin, "scan", tree]}
times = {k: [] for k in cases}
for cmd in cases.values():  # warm the page cache once
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(runs):
    for name, cmd in cases.items():
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append(time.perf_counter() - t)
        if r.returncode not in (0, 1):
            sys.exit(f"{cmd} exited {r.returncode}")
base = statistics.median(next(iter(times.values())))
print(tree)
for name, ts in times.items():
    m = statistics.median(ts)
    print(f"  {name:60} median {m * 1000:7.1f} ms  min {min(ts) * 1000:7.1f} ms  ({(m / base - 1) * 100:+.1f} %)")
PY
done
