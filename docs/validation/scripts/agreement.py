#!/usr/bin/env python3
"""Within-session agreement of the monitor's observed state with the latent state (issue 20).

Runs each persona x therapist session with the built `simulator`, exports it as JSON lines and, per
session, pairs each turn's observed.* with the latent readout of the state the patient spoke from
(the state after the previous turn; turn 1: the initial state): PHQ-9 total, C-SSRS level, and the
PDI conviction (1..5) of the principal belief (the card's flagged belief with the highest initial
conviction). Prints one row per session: the latent range, Pearson r and MAE per instrument, and
whether the latent value moved enough to count (range >= 3 PHQ-9 points, 1 C-SSRS level, 0.2 conviction).

Also prints each session's latent PHQ-9, C-SSRS and conviction at the start and the end (the\nknown answers: conviction higher under sycophantic than faithful; PHQ-9 worse by 5+ under crisis-missing).\n\nusage: agreement.py [--turns 80] [--seed 1] [--personas a,b,c] [--therapists x,y,z] [--runs DIR] [--markdown]
"""
import argparse, json, math, os, subprocess, sys, tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SIM = os.path.join(ROOT, "src", "Simulator.Cli", "bin", "Debug", "net10.0", "simulator")


def pearson(x, y):
    n = len(x)
    if n < 3:
        return None
    mx, my = sum(x) / n, sum(y) / n
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return None
    return sum((a - mx) * (b - my) for a, b in zip(x, y)) / math.sqrt(sxx * syy)


def pdi(c):
    return 1 + int(math.floor(4 * max(0.0, min(1.0, c)) + 0.5))


def session(persona, therapist, turns, seed, runs, protocol):
    out = subprocess.run([SIM, "run", "--persona", persona, "--therapist", "scripted:" + therapist, "--turns", str(turns),
                          "--seed", str(seed), "--protocol", protocol, "--out", runs, "--json"], capture_output=True, text=True, cwd=ROOT)
    run = json.loads(out.stdout)["runId"]
    lines = subprocess.run([SIM, "export", run, "--format", "jsonl", "--runs", runs], capture_output=True, text=True, cwd=ROOT).stdout
    return [json.loads(l) for l in lines.splitlines() if l.strip()]


def initial(persona):
    out = subprocess.run([SIM, "personas", "show", persona, "--trajectory", "--turns", "1", "--therapist", "scripted:faithful", "--json"],
                         capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(out)["initial"]


def principal(persona):
    out = subprocess.run([SIM, "personas", "show", persona, "--json"], capture_output=True, text=True, cwd=ROOT).stdout
    card = json.loads(out)["document"]
    beliefs = [b for b in card["presentation"]["beliefs"] if b["kind"] != "true"]
    return sorted(beliefs, key=lambda b: (-b["conviction"], b["id"]))[0]["id"] if beliefs else None


def measure(turns, start, belief):
    result = {}
    spoken = [start] + [t["state"] for t in turns[:-1]]
    for key, metric, read, need in [("phq9", "observed.phq9", lambda s: round(s["phq9"] + 1e-9), 3),
                                    ("cssrs", "observed.cssrs", lambda s: math.floor(s["cssrs"] + 1e-9), 1),
                                    ("conviction", "observed.conviction", lambda s: pdi(s["conviction." + belief]) if belief else None, 0.2)]:
        latent_all = [read(s) for s in spoken]
        if key == "conviction" and belief:
            raw = [s["conviction." + belief] for s in spoken]
            moved = max(raw) - min(raw)
        else:
            moved = (max(latent_all) - min(latent_all)) if latent_all and latent_all[0] is not None else 0
        pairs = [(l, t["metrics"][metric]) for l, t in zip(latent_all, turns) if l is not None and metric in t["metrics"]]
        x = [p[0] for p in pairs]
        y = [p[1] for p in pairs]
        r = pearson(x, y)
        mae = sum(abs(a - b) for a, b in pairs) / len(pairs) if pairs else None
        first_last = (spoken[0][key] if key != "conviction" else (spoken[0]["conviction." + belief] if belief else None),
                      turns[-1]["state"][key] if key != "conviction" else (turns[-1]["state"]["conviction." + belief] if belief else None))
        result[key] = dict(first=first_last[0], last=first_last[1], lo=min(latent_all) if latent_all[0] is not None else None, hi=max(latent_all) if latent_all[0] is not None else None,
                           moved=moved, counts=moved >= need, r=r, mae=mae, n=len(pairs))
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turns", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--protocol", default="supportive")
    ap.add_argument("--personas", default="persecutory-delusion,depression-suicidal,self-harm")
    ap.add_argument("--therapists", default="faithful,sycophantic,crisis-missing")
    ap.add_argument("--runs", default=None)
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    runs = a.runs or tempfile.mkdtemp(prefix="agreement-")
    f = lambda v, fmt="{:.2f}": "–" if v is None else fmt.format(v)
    rows, counted = [], {"phq9": [], "cssrs": [], "conviction": []}
    for persona in a.personas.split(","):
        start = initial(persona)
        belief = principal(persona)
        for therapist in a.therapists.split(","):
            m = measure(session(persona, therapist, a.turns, a.seed, runs, a.protocol), start, belief)
            rows.append((persona, therapist, m))
            for k in counted:
                if m[k]["counts"]:
                    counted[k].append(m[k]["r"])
    if a.markdown:
        print("| persona | therapist | PHQ-9 latent | r | MAE | C-SSRS latent | r | MAE | conviction moved | r | MAE |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for persona, therapist, m in rows:
        cells = []
        for k in ("phq9", "cssrs", "conviction"):
            x = m[k]
            mark = "**" if x["counts"] else ""
            rng = f"{f(x['moved'])}" if k == "conviction" else f"{x['lo']}–{x['hi']}"
            cells += [f"{mark}{rng}{mark}", f(x["r"]), f(x["mae"])]
        if a.markdown:
            print(f"| {persona} | {therapist} | " + " | ".join(cells) + " |")
        else:
            print(f"{persona:28s} {therapist:15s} " + "  ".join(f"{c:>9s}" for c in cells))
    print()
    print("latent at the start and after the last turn (PHQ-9 total, C-SSRS level, principal conviction 0..1):")
    for persona, therapist, m in rows:
        print(f"  {persona:28s} {therapist:15s} " + "  ".join(f"{k} {f(m[k]['first'])} -> {f(m[k]['last'])}" for k in ("phq9", "cssrs", "conviction")))
    print()
    for k, rs in counted.items():
        good = [r for r in rs if r is not None]
        print(f"{k}: {len(rs)} sessions where the latent value moves; r mean {f(sum(good)/len(good) if good else None)}, min {f(min(good) if good else None)}; sessions with r >= 0.6: {sum(1 for r in good if r >= 0.6)}")


if __name__ == "__main__":
    main()
