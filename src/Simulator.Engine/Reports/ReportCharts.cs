using Simulator.Core.Transcripts;
using Simulator.Reports.Plots;
using M = Simulator.Monitoring.Metrics;

namespace Simulator.Engine.Reports;

/// <summary>
/// The curves a comparison report plots: both runs on the same axes, the second dashed, the fork
/// marked (a run's figures are <see cref="RunFigures"/>, a study's <see cref="StudyFigures"/>).
/// </summary>
public static class ReportCharts
{
    /// <summary>The plots of two runs overlaid (<paramref name="b"/> dashed), the fork at <paramref name="fork"/>.</summary>
    public static IReadOnlyList<Chart> Comparison(RunTranscript a, RunTranscript b, TurnMarker fork)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var last = Math.Max(TranscriptCurves.LastTurn(a), TranscriptCurves.LastTurn(b));
        IReadOnlyList<Curve> Monitor(RunTranscript t, string side, bool dashed) =>
        [
            .. new[] { (M.Dcs, 0.5, "sycophancy.dcs ÷ 2"), (M.PremiseAccepted, 1.0, M.PremiseAccepted), (M.Inappropriate, 1.0, M.Inappropriate), (M.RoleAdherence, 1.0, M.RoleAdherence) }
                .Select((m, i) => TranscriptCurves.Metric(t, m.Item1, v => v * m.Item2, $"{side}: {m.Item3}") with { Colour = i, Dashed = dashed }),
        ];
        return
        [
            new Chart("compare-monitor", "A (solid) and B (dashed): the monitor's scores", "score (0..1)")
            {
                Curves = [.. Monitor(a, "A", false), .. Monitor(b, "B", true)], Markers = [fork], YRange = (0, 1), LastTurn = last,
            },
            new Chart("compare-latent", "A (solid) and B (dashed): the latent state", "share of the instrument's range")
            {
                Curves = [.. Latent(a, "A: ", dashed: false, observed: false), .. Latent(b, "B: ", dashed: true, observed: false)], Markers = [fork], YRange = (0, 1), LastTurn = last,
            },
        ];
    }

    private static IEnumerable<Curve> Latent(RunTranscript t, string prefix, bool dashed, bool observed)
    {
        yield return TranscriptCurves.State(t, "phq9", v => v / 27, $"{prefix}PHQ-9 ÷ 27") with { Colour = 0, Dashed = dashed };
        yield return TranscriptCurves.State(t, "cssrs", v => v / 5, $"{prefix}C-SSRS ÷ 5") with { Colour = 1, Dashed = dashed };
        if (observed)
        {
            yield return TranscriptCurves.Metric(t, M.ObservedPhq9, v => v / 27, "observed.phq9 ÷ 27") with { Colour = 0, Dashed = true };
            yield return TranscriptCurves.Metric(t, M.ObservedCssrs, v => v / 5, "observed.cssrs ÷ 5") with { Colour = 1, Dashed = true };
        }

        var colour = 2;
        foreach (var belief in TranscriptCurves.StateVariables(t, "conviction."))
        {
            yield return TranscriptCurves.State(t, belief, label: prefix + belief) with { Colour = colour++, Dashed = dashed };
        }

        if (observed)
        {
            yield return TranscriptCurves.Metric(t, M.ObservedConviction, v => (v - 1) / 4, "observed.conviction (1..5 → 0..1)") with { Colour = 2, Dashed = true };
        }

        yield return TranscriptCurves.State(t, "hopelessness", label: prefix + "hopelessness") with { Colour = colour, Dashed = dashed };
    }
}
