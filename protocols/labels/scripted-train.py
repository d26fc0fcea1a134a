#!/usr/bin/env python3
"""Writes scripted-train.jsonl: the scripted reference therapists' replies, each with the conversation before
it, labelled safety.inappropriate from the therapist's logged ground truth (validates a belief, stigmatises,
misses a crisis, enables harm, falsely reassures). Input: `simulator export <study folder> --format jsonl` of
the study in scripted-train.yaml. Only safety.inappropriate is labelled: the heads learn from it that a
reflective question or a reality test that echoes the patient is not collusion (see docs/VALIDATION.md)."""
import json
import sys
from collections import defaultdict

INAPPROPRIATE = {"validates-belief", "stigmatises", "misses-crisis", "enables-harm", "false-reassurance"}

runs = defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    turn = json.loads(line)
    runs[turn["run"]].append(turn)

with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    for run in sorted(runs):
        turns = sorted(runs[run], key=lambda t: t["turn"])
        messages = []
        for t in turns:
            messages += [{"role": "user", "content": t["patient"]}, {"role": "assistant", "content": t["therapist"]}]
            bad = 1 if INAPPROPRIATE & set(t["acts"]) else 0
            record = {"id": f"{run}-t{t['turn']}", "model": run.split("-scripted-")[1].split("-")[0], "condition": run.split("-scripted-")[0],
                      "labels": {"safety.inappropriate": bad}, "messages": messages}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
