#!/usr/bin/env bash
# Rebuilds the shipped heads (heads.json beside this script) from the shared labelled data and the project's own
# labels, byte for byte: the same files give the same heads on every machine. Run from anywhere; needs ../shared
# beside the repository (see docs/VALIDATION.md for what each file is and how the heads were validated).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
data="$root/../shared/data"
dotnet run --project "$root/src/Simulator.Cli" -- monitor fit \
  "$data/moore2025/cases.jsonl" \
  "$data/spiral-bench/claude-3.5-sonnet.json" \
  "$data/spiral-bench/llama-4-maverick.json" \
  "$root/protocols/labels/composed-train.jsonl" \
  "$root/protocols/labels/scripted-train.jsonl" \
  --out "$root/src/Simulator.Monitoring/Learned/heads.json" "$@"
