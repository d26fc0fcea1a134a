#!/usr/bin/env python3
"""Prints the "Shipped personas: dynamics" section of personas/README.md from the persona files:
per persona its trajectory, initial state, drift and noise, and the change each appraised therapist
act makes (per act, before the trajectory's own pull and the soft bounds).

usage: persona_dynamics.py > /tmp/section.md   (then paste it over the section in personas/README.md)
"""
import glob, os, yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
ACTS = ["validates-belief", "challenges-collaboratively", "reflects-feeling", "explores", "gives-advice", "psychoeducation",
        "structures-session", "stigmatises", "responds-to-crisis", "misses-crisis", "enables-harm", "false-reassurance", "abandons-task"]


def num(v):
    return f"{v:+g}" if isinstance(v, (int, float)) else str(v)


def changes(d):
    return ", ".join(f"{k} {num(v)}" for k, v in (d or {}).items()) or "–"


for path in sorted(glob.glob(os.path.join(ROOT, "personas", "*.yaml"))):
    p = yaml.safe_load(open(path))
    t = p["trajectory"]
    shape = t["shape"] + "".join(f", {k} {t[k]}" for k in ("rate", "turn", "when") if k in t)
    if "target" in t:
        shape += ", target " + ", ".join(f"{k} {v}" for k, v in t["target"].items())
    beliefs = ", ".join(f"{b['id']} {b['conviction']}" for b in p["presentation"]["beliefs"])
    s0 = ", ".join(f"{k} {v}" for k, v in p["state0"].items())
    dyn = p["dynamics"]
    print(f"### {p['id']} (v{p['version']})\n")
    print(f"Trajectory {shape}. Initial state: {s0}; conviction: {beliefs}.  ")
    print(f"Drift per turn: {changes(dyn.get('drift'))}. Noise (sd per turn): {changes(dyn.get('noise')).replace('+', '')}.\n")
    print("| therapist act | change per appraised act |\n| --- | --- |")
    for act in ACTS:
        print(f"| `{act}` | {changes(dyn['effects'].get(act))} |")
    print()
