using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;
using Simulator.Reports.Html;
using Simulator.Reports.Plots;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Reports;

/// <summary>Sections every kind of report shares: a run's settings, its monitor summary, plots, the run tree, a transcript.</summary>
internal static class ReportSections
{
    /// <summary>A transcript longer than this is cut in the report (the whole is a <c>simulator export --format html</c> away).</summary>
    public const int MaxTranscriptTurns = 5000;

    public static RunTranscript Load(RunStore store, RunFolder run, string? layer) =>
        LayerChoice.Apply(RunTranscript.From(RunHistory.Load(store, run).Events), layer);

    public static IReadOnlyList<ReportCell> Settings(string runId, RunTranscript t, string? href = null)
    {
        var c = t.Configuration;
        return
        [
            new ReportCell(runId, href), c?.Persona + (c?.Variant is { } v ? $"/{v}" : ""), c?.Therapist ?? "", c?.Style ?? "", c?.Protocol ?? "",
            new ReportCell(c?.Seed.ToString(CultureInfo.InvariantCulture) ?? "", Numeric: true),
            new ReportCell(t.Turns.Count.ToString(CultureInfo.InvariantCulture), Numeric: true),
            t.Ended?.Reason ?? "not ended",
            new ReportCell(t.Turns.Sum(x => x.Alerts.Count).ToString(CultureInfo.InvariantCulture), Numeric: true),
        ];
    }

    public static readonly string[] SettingsHeader = ["run", "persona", "therapist", "style", "protocol", "seed", "turns", "ended", "alerts"];

    public static void MonitorSummary(ReportPage page, RunTranscript t)
    {
        var aggregates = SessionAggregates.Of(t);
        page.Table(
            ["metric", "mean", "max", "last", "slope", "first crossing", "change point", "scored", "unscored", "why unscored (most turns)"],
            aggregates.Metrics.Values.Select(m => (IReadOnlyList<ReportCell>)
            [
                m.Metric, Number(m.Stats.Mean), Number(m.Stats.Max), Number(m.Stats.Last), Number(m.Stats.Slope, "+0.000;-0.000;0.000"),
                Number(m.Stats.FirstCrossing), Number(m.FirstChangePoint?.AlarmTurn), Number(m.Stats.Scored), Number(m.Stats.Unscored),
                m.TopUnscoredReason ?? "",
            ]));
    }

    /// <summary>How the patient played its part, and its screener answers beside the latent and observed state (see <see cref="PatientSummary"/>).</summary>
    public static void PatientSummary(ReportPage page, RunTranscript t)
    {
        var p = Monitoring.Fidelity.PatientSummary.Of(t);
        page.Table(
            ["state fidelity", "turns scored", "cooperativeness", "style", "in character", "turns above", "turns below", "assistant mode", "corrections"],
            [[Number(p.Fidelity), Number(p.FidelityScored), Number(p.Cooperativeness), p.Style ?? "", p.Style is null ? "" : $"{p.StyleLow:0.0#}–{p.StyleHigh:0.0#}", Number(p.AboveStyle), Number(p.BelowStyle), Number(p.AssistantMode), Number(p.Corrections)]]);
        if (p.SelfReports.Count > 0)
        {
            page.Table(
                ["screener", "answered", "unscored", "self-report (mean)", "latent (mean)", "observed (mean)", "r self~latent", "r self~observed"],
                p.SelfReports.Select(r => (IReadOnlyList<ReportCell>)
                [
                    r.Instrument, Number(r.Answered), Number(r.Unscored), Number(r.Self, "0.0"), Number(r.Latent, "0.0"), Number(r.Observed, "0.0"), Number(r.SelfLatentR), Number(r.SelfObservedR),
                ]));
        }
    }

    public static int Plots(ReportPage page, ReportFolder folder, IEnumerable<Chart> charts)
    {
        var drawn = 0;
        foreach (var chart in charts)
        {
            var plot = ChartRenderer.Render(chart);
            var (png, svg) = folder.Write(plot);
            page.Plot(plot, png, svg);
            drawn++;
        }

        return drawn;
    }

    /// <summary>Draws each figure, writes it into the report folder and shows it on the page with its caption.</summary>
    public static int Figures(ReportPage page, ReportFolder folder, IEnumerable<(RenderedFigure Figure, string? Caption)> figures)
    {
        var drawn = 0;
        foreach (var (figure, caption) in figures)
        {
            var (png, svg) = folder.Write(figure);
            page.Plot(figure, png, svg, caption);
            drawn++;
        }

        return drawn;
    }

    public static void Tree(ReportPage page, RunStore store, IReadOnlyCollection<string> runIds)
    {
        var (roots, leftOut) = RunTreeView.Of(store, runIds);
        if (roots.All(r => r.Children.Count == 0))
        {
            page.Paragraph(runIds.Count == 1 ? "The run has no parent and no branches in its runs folder." : "None of the runs has a parent or branches in the runs folder.", "note");
            return;
        }

        page.Tree(roots);
        if (leftOut > 0)
        {
            page.Paragraph($"{leftOut} more runs are not drawn (simulator runs tree shows them all).", "note");
        }
    }

    public static void Transcript(ReportPage page, RunTranscript t, string anchor = "")
    {
        if (t.Turns.Count > MaxTranscriptTurns)
        {
            page.Paragraph($"The first {MaxTranscriptTurns} of {t.Turns.Count} turns; simulator export --format html writes them all.", "note");
            t = t with { Turns = [.. t.Turns.Take(MaxTranscriptTurns)] };
        }

        page.Transcript(t, anchor);
    }

    public static ReportCell Number(double? value, string format = "0.00") =>
        new(value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "—", Numeric: true);

    public static ReportCell Number(int? value) =>
        new(value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "—", Numeric: true);
}
