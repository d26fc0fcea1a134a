using System.Globalization;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;
using Simulator.Monitoring.Fidelity;

namespace Simulator.Cli.Commands;

/// <summary>
/// The monitor's account of a run, as text and as JSON: per metric the session aggregates with
/// the unscored turns counted, flips, deterioration, risk-deterioration correlation, latent-observed
/// agreement, the judges' agreement, alerts and guard notes.
/// </summary>
internal static class MonitorSummary
{
    public static object Json(IReadOnlyList<RunEvent> events, RunTranscript transcript)
    {
        var aggregates = SessionAggregates.Of(transcript);
        return new
        {
            aggregates = aggregates.Flat,
            reasons = aggregates.Reasons,
            unscoredReasons = aggregates.Metrics.Values.Where(m => m.TopUnscoredReason is not null).ToDictionary(m => m.Metric, m => m.TopUnscoredReason),
            judges = JudgeHealth.Of(transcript).Select(j => new { layer = j.Layer, turns = j.Turns, failed = j.Failed, failing = j.IsFailing, reason = j.Reason }),
            panelAgreement = PanelAgreement.Of(transcript).ToDictionary(a => a.Key, a => new { alpha = a.Value.Value, pairableValues = a.Value.PairableValues, reason = a.Value.Reason }),
            alerts = events.OfType<AlertRaised>().GroupBy(a => a.Metric).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            guardNotes = events.OfType<GuardNoteSent>().Count(),
            probes = Probes(events).ToDictionary(g => g.Key, g => new { mean = Mean(g), answered = g.Count(), unscored = g.Count(p => p.Score is null) }),
            patient = PatientSummary.Of(transcript),
        };
    }

    public static void Write(TextWriter o, IReadOnlyList<RunEvent> events, RunTranscript transcript, string margin, int labelWidth)
    {
        var a = SessionAggregates.Of(transcript);
        string L(string label) => margin + label.PadRight(labelWidth);
        var indent = L("");
        o.WriteLine($"{L("monitor")}metric                        mean    max   last   slope  ≥thr@  change@  scored  unscored");
        foreach (var m in a.Metrics.Values)
        {
            var s = m.Stats;
            var why = s.Unscored > 0 ? $"  ({m.TopUnscoredReason})" : "";
            o.WriteLine($"{indent}{m.Metric,-28} {F(s.Mean),5}  {F(s.Max),5}  {F(s.Last),5}  {Signed(s.Slope, "0.000"),6}  {T(s.FirstCrossing),5}  {T(m.FirstChangePoint?.AlarmTurn),7}  {s.Scored,6}  {s.Unscored,8}{why}");
        }

        if (a.Flips.TryGetValue(Monitoring.Metrics.Dcs, out var flips) && flips.Scored > 0)
        {
            o.WriteLine($"{L("flips")}turn of flip {T(flips.TurnOfFlip)}, number of flips {flips.NumberOfFlips}");
        }

        o.WriteLine($"{L("worsening")}latent {Join(a.LatentDeterioration.Where(d => !d.Key.StartsWith("conviction.", StringComparison.Ordinal)))} · observed {Join(a.ObservedDeterioration)} (last - first)");
        o.WriteLine($"{L("risk→worse")}r at lag 0/1/2: {string.Join(" / ", a.RiskDeterioration.OrderBy(x => x.Key).Select(x => F(x.Value)))}");
        o.WriteLine($"{L("agreement")}{string.Join(", ", a.Agreement.Select(x => $"{x.Key} r {F(x.Value.Pearson)} mae {F(x.Value.MeanAbsoluteError)} (n {x.Value.Pairs})"))}");
        if (JudgeHealth.Of(transcript) is { Count: > 0 } judges)
        {
            o.WriteLine($"{L("judges")}{string.Join(", ", judges.Select(j => j.Failed == 0 ? $"{j.Layer} scored all {j.Turns} turns" : j.Warning()))}");
        }

        var alphas = PanelAgreement.Of(transcript);
        if (alphas.Count > 0)
        {
            o.WriteLine($"{L("judges α")}{string.Join(", ", alphas.Select(x => $"{x.Key} {F(x.Value.Value)}"))}");
        }

        var alerts = events.OfType<AlertRaised>().ToList();
        var byMetric = alerts.GroupBy(x => x.Metric).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
        var notes = events.OfType<GuardNoteSent>().Count();
        o.WriteLine($"{L("alerts")}{alerts.Count}{(alerts.Count > 0 ? $" ({string.Join(", ", byMetric)})" : "")}{(notes > 0 ? $"; {notes} guard notes sent" : "")}");
        PatientLines(o, PatientSummary.Of(transcript), L);
        if (Probes(events).Where(g => !g.Key.StartsWith("self-report", StringComparison.Ordinal)).ToList() is { Count: > 0 } probes)
        {
            o.WriteLine($"{L("probes")}{string.Join(", ", probes.Select(g => $"{g.Key} mean {F(Mean(g))} ({g.Count(p => p.Score is null)} unscored)"))}");
        }
    }

    /// <summary>
    /// Warns on standard error of every judge that could not score more than 5 % of its turns; returns whether any
    /// did (so <c>--require-judge</c> can fail the command).
    /// </summary>
    public static bool WarnOfFailingJudges(IEnumerable<JudgeHealth> judges)
    {
        var failing = judges.Where(j => j.IsFailing).ToList();
        foreach (var j in failing)
        {
            Console.Error.WriteLine($"warning: {j.Warning()}");
        }

        return failing.Count > 0;
    }

    // How the patient played its part: fidelity to its state, cooperativeness against its style, corrections; its own screeners beside the latent and observed state.
    private static void PatientLines(TextWriter o, PatientSummary p, Func<string, string> label)
    {
        var style = p.Style is null ? "" : $" ({p.Style}: {F(p.StyleLow, "0.0#")}–{F(p.StyleHigh, "0.0#")}; {p.AboveStyle} turns above, {p.BelowStyle} below)";
        var head = label("patient fidelity");
        o.WriteLine($"{head}{(head.EndsWith(' ') ? "" : " ")}state {F(p.Fidelity)} (n {p.FidelityScored}), cooperativeness {F(p.Cooperativeness)}{style}, assistant mode {F(p.AssistantMode)}, corrections {p.Corrections}");
        if (p.SelfReports.Count > 0)
        {
            o.WriteLine($"{label("self-report")}{string.Join(" · ", p.SelfReports.Select(r => $"{r.Instrument} self {F(r.Self, "0.#")} / latent {F(r.Latent, "0.#")}{(r.Observed is null && r.Instrument == "gad7" ? "" : $" / observed {F(r.Observed, "0.#")}")} (n {r.Answered}{(r.Unscored > 0 ? $", {r.Unscored} unscored" : "")}, r self~latent {F(r.SelfLatentR)})"))}");
        }
    }

    private static List<IGrouping<string, ProbeAnswered>> Probes(IReadOnlyList<RunEvent> events) =>
        [.. events.OfType<ProbeAnswered>().GroupBy(p => Agents.Probes.Probe.KindOf(p.Probe)).OrderBy(g => g.Key, StringComparer.Ordinal)];

    private static double? Mean(IEnumerable<ProbeAnswered> answers) => answers.Where(p => p.Score is not null).Select(p => p.Score).DefaultIfEmpty(null).Average();

    private static string F(double? value, string format = "0.00") => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";

    private static string T(int? turn) => turn?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Signed(double? value, string format) => value is not { } v
        ? "-"
        : (Math.Round(v, 3) >= 0 ? "+" : "-") + Math.Abs(v).ToString(format, CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<KeyValuePair<string, double?>> values) =>
        string.Join(", ", values.Select(v => $"{v.Key} {Signed(v.Value, "0.##")}"));
}
