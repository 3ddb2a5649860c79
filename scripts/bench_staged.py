#!/usr/bin/env python3
"""Times `keysweep git --staged` and `gitleaks git --staged` on a checkout of a large repository
with one staged file changed (the pre-commit case): median wall time of N runs each, in one run.

    python3 scripts/bench_staged.py [--repo DATA/cargo.git] [--runs 10]

It clones the bare repository once into DATA/<name>-staged, appends a line to one tracked file
and stages it (fresh on every call, so the staged change is always exactly one line).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
data = os.environ.get("DATA", os.path.expanduser("~/.cache/keysweep-bench"))
peers = os.environ.get("PEERS", os.path.join(os.path.dirname(root), "peers"))

ap = argparse.ArgumentParser()
ap.add_argument("--repo", default=os.path.join(data, "cargo.git"))
ap.add_argument("--runs", type=int, default=10)
ap.add_argument("--file", default="crates/build-rs/src/lib.rs")
args = ap.parse_args()

name = os.path.basename(args.repo).removesuffix(".git")
checkout = os.path.join(data, f"{name}-staged")
if not os.path.isdir(checkout):
    subprocess.run(["git", "clone", "-q", args.repo, checkout], check=True)
subprocess.run(["git", "-C", checkout, "reset", "-q", "--hard", "HEAD"], check=True)
with open(os.path.join(checkout, args.file), "a") as f:
    f.write("// one staged line for the pre-commit benchmark\n")
subprocess.run(["git", "-C", checkout, "add", args.file], check=True)

out_dir = os.path.join(data, "staged-reports")
os.makedirs(out_dir, exist_ok=True)
# Reports go to real files: some scanners replace a report path such as /dev/null.
tools = {
    "keysweep": [os.path.join(root, "target/release/keysweep"), "git", checkout, "--staged",
                 "--format", "json", "--output", os.path.join(out_dir, "keysweep.json")],
    "gitleaks": [os.path.join(peers, "gitleaks"), "git", "--staged", "--no-banner", "--exit-code", "0",
                 "--report-path", os.path.join(out_dir, "gitleaks.json"), checkout],
}
print(f"# staged benchmark: {checkout}, one staged line in {args.file}, {args.runs} runs each")
print("| tool | median ms | min ms | max ms |")
print("|---|---:|---:|---:|")
for tool, cmd in tools.items():
    if not os.path.exists(cmd[0]):
        print(f"| {tool} | missing: {cmd[0]} | | |")
        continue
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
        if r.returncode not in (0, 1):
            print(f"{tool} exited {r.returncode}", file=sys.stderr)
    print(f"| {tool} | {statistics.median(times):.1f} | {min(times):.1f} | {max(times):.1f} |")
subprocess.run(["git", "-C", checkout, "reset", "-q", "--hard", "HEAD"], check=True)
