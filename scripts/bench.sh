#!/usr/bin/env bash
# bench.sh — build the release binary and time keysweep beside gitleaks, betterleaks and
# kingfisher (and the "physical limit" references) with ../shared/bench/perf.sh, in one run,
# then the pre-commit case (`git --staged` on a cargo checkout, keysweep and gitleaks).
#
#   bash scripts/bench.sh                 # cargo + requests, dir and git modes, 3 runs each
#   REPOS=cargo MODES=dir bash scripts/bench.sh
#   STAGED=0 bash scripts/bench.sh        # skip the staged benchmark
#
# Any perf.sh knob (REPOS, MODES, RUNS, WARMUP, TOOLS, LIMIT_NAMES, RESULTS…) passes through.
# Installs the peers into ../peers and unpacks the inputs on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
PEERS=${PEERS:-$(pwd)/../peers}
export PEERS

cargo build --release --locked
[[ -x $PEERS/betterleaks && -x $PEERS/gitleaks && -x $PEERS/kingfisher ]] || bash "$SHARED/bench/fetch_peers.sh"
bash "$SHARED/bench/perf.sh" setup

BIN=$(pwd)/target/release/keysweep
export OURS_NAME=keysweep
export OURS_DIR="$BIN scan {path} --format json --output {out}"
export OURS_GIT="$BIN git {path} --no-progress --format json --output {out}"
export TOOLS=${TOOLS:-"gitleaks betterleaks kingfisher"}
bash "$SHARED/bench/perf.sh" run
if [[ ${STAGED:-1} == 1 ]]; then
  python3 scripts/bench_staged.py --repo "${DATA:-$HOME/.cache/keysweep-bench}/cargo.git" --runs 10
fi
