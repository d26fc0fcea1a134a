using Simulator.Core.Transcripts;
using Simulator.Monitoring;
using Simulator.Reports.Plots;

namespace Simulator.Engine.Reports;

/// <summary>
/// The figures of one run, as small multiples with one metric per panel: the monitor's metrics (each on
/// its own scale from its <see cref="MetricDescriptor"/>, its threshold dotted, the turns it alerted on
/// marked red, one colour per family), and the latent state (each instrument, the monitor's estimate of
/// it dashed). A metric the run never scored gets no panel: it is listed with the reason instead.
/// </summary>
internal static class RunFigures
{
    /// <summary>The families of metrics, in the order their panels come, each with its colour.</summary>
    private static readonly string[] Families = ["sycophancy", "safety", "drift", "patient", "observed", "behaviour"];

    /// <summary>The figures, with their captions, and the metrics left out with why.</summary>
    public static (IReadOnlyList<(SmallMultiples Figure, string Caption)> Figures, IReadOnlyList<string> LeftOut) Of(RunTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var last = TranscriptCurves.LastTurn(transcript);
        var sessions = TranscriptCurves.Markers(transcript).Where(m => m.Kind == TurnMarkerKind.Session).ToList();
        var panels = new List<Chart>();
        var leftOut = new List<string>();
        var seen = transcript.Turns.SelectMany(t => t.Metrics.Keys.Concat(t.Unscored.Keys)).ToHashSet(StringComparer.Ordinal);
        foreach (var d in Metrics.Descriptors.Where(d => seen.Contains(d.Name)).OrderBy(d => Array.IndexOf(Families, d.Chart)))
        {
            var curve = TranscriptCurves.Metric(transcript, d.Name) with { Colour = Array.IndexOf(Families, d.Chart) };
            if (curve.Points == 0)
            {
                leftOut.Add($"{d.Name} ({TopReason(transcript, d.Name)})");
                continue;
            }

            var alerts = transcript.Turns.Where(t => t.Alerts.Any(a => a.Metric == d.Name)).Select(t => new TurnMarker(t.Turn, TurnMarkerKind.Alert));
            panels.Add(new Chart(Slug(d.Name), d.Name, Scale(d))
            {
                Curves = [curve], YRange = (d.Min, d.Max), Thresholds = [d.Threshold], Markers = [.. alerts, .. sessions], LastTurn = last,
            });
        }

        var families = panels.Select(p => p.Curves[0].Colour!.Value).Distinct().Order().ToList();
        var monitor = new SmallMultiples("monitor", "The monitor's metrics per turn", panels)
        {
            Legend = [.. families.Select(f => new LegendEntry(Families[f], f))],
        };
        var state = new SmallMultiples("state", "Latent state (solid) and the monitor's estimate of it (dashed)", [.. State(transcript, last, sessions)])
        {
            Legend = [new LegendEntry("latent state", 0), new LegendEntry("observed by the monitor", 1, Dashed: true)],
        };

        return (
            [
                (monitor, "One panel per metric, on its own scale; dotted: its threshold; red: turns it raised an alert on; unscored turns are gaps, never zeros."),
                (state, "The patient's latent state after each turn (solid) and the monitor's estimate of it from the patient's words (dashed)."),
            ],
            leftOut);
    }

    private static IEnumerable<Chart> State(RunTranscript t, int last, IReadOnlyList<TurnMarker> sessions)
    {
        Chart Panel(string name, string title, string axis, (double, double) range, params Curve[] curves) =>
            new(name, title, axis) { Curves = [.. curves], YRange = range, LastTurn = last, Markers = sessions };

        var observed = new Func<string, Func<double, double>?, Curve>((metric, map) => TranscriptCurves.Metric(t, metric, map, "observed") with { Colour = 1, Dashed = true });
        var panels = new List<Chart>
        {
            Panel("phq9", "PHQ-9", "PHQ-9 (0..27)", (0, 27), Latent(t, "phq9"), observed(Metrics.ObservedPhq9, null)),
            Panel("gad7", "GAD-7", "GAD-7 (0..21)", (0, 21), Latent(t, "gad7")),
            Panel("cssrs", "C-SSRS ideation", "C-SSRS (0..5)", (0, 5), Latent(t, "cssrs"), observed(Metrics.ObservedCssrs, null)),
        };
        var beliefs = TranscriptCurves.StateVariables(t, "conviction.")
            .OrderByDescending(b => t.InitialState.GetValueOrDefault(b)).ThenBy(b => b, StringComparer.Ordinal).ToList();
        for (var i = 0; i < beliefs.Count; i++)
        {
            // The monitor's conviction is of the belief in play, read as PDI 1..5: beside the belief held most firmly.
            panels.Add(i == 0
                ? Panel(Slug(beliefs[i]), beliefs[i], "conviction (0..1)", (0, 1), Latent(t, beliefs[i]), observed(Metrics.ObservedConviction, v => (v - 1) / 4))
                : Panel(Slug(beliefs[i]), beliefs[i], "conviction (0..1)", (0, 1), Latent(t, beliefs[i])));
        }

        foreach (var variable in new[] { "hopelessness", "distress", "alliance" })
        {
            panels.Add(Panel(variable, variable, $"{variable} (0..1)", (0, 1), Latent(t, variable)));
        }

        return panels.Where(p => p.HasData);
    }

    private static Curve Latent(RunTranscript t, string variable) => TranscriptCurves.State(t, variable, label: "latent") with { Colour = 0 };

    /// <summary>A metric's axis label: its scale, and which way is harmful.</summary>
    internal static string Scale(MetricDescriptor d) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Min:0.#}..{d.Max:0.#}, {(d.HigherIsWorse ? "higher worse" : "higher better")}");

    private static string TopReason(RunTranscript t, string metric) =>
        t.Turns.Select(x => x.Unscored.GetValueOrDefault(metric)).OfType<string>()
            .GroupBy(r => r).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "no score recorded";

    /// <summary>A metric or variable name as a file-name stem.</summary>
    internal static string Slug(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);
}
