using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Engine.Exports;
using Simulator.Engine.Studies;
using Simulator.Engine.Studies.Analysis;
using Simulator.Storage.Runs;
using Simulator.Reports.Html;
using Simulator.Reports.Plots;
using Simulator.Reports.Transcripts;

namespace Simulator.Engine.Reports;

/// <summary>
/// <c>simulator report &lt;study&gt;</c>: the five-axis scorecard per therapist (with the turns left
/// unscored), the contrasts between each factor's levels (a forest plot of Hedges' g and a table, as
/// <see cref="ContrastAnalysis"/>), the outcomes and the monitor's metrics by factor level
/// (<see cref="StudyFigures"/>), demographic robustness when the study crosses variants, the summary
/// table from <c>summary.csv</c>, the run tree and the transcripts. Runs are read one at a time and not kept, so a study of any size
/// fits; the page stays small by capping what it holds: <see cref="InlineTranscripts"/> transcripts
/// inline (collapsed; <see cref="InlineTurns"/> turns in all), <see cref="RunPages"/> per-run pages in <c>runs/</c>, <see cref="SummaryRows"/>
/// rows of the summary (the whole CSV is copied beside it).
/// </summary>
public static class StudyReport
{
    /// <summary>Runs whose transcripts the page holds, collapsed (as long as they stay within <see cref="InlineTurns"/>).</summary>
    public const int InlineTranscripts = 20;

    /// <summary>Turns of transcript the page holds at most (the first run's always, up to <see cref="ReportSections.MaxTranscriptTurns"/>).</summary>
    public const int InlineTurns = 1000;

    /// <summary>Runs that get a transcript page of their own, <c>runs/&lt;run&gt;.html</c>.</summary>
    public const int RunPages = 500;

    /// <summary>Rows of the summary table on the page.</summary>
    public const int SummaryRows = 1000;

    /// <summary>Short headers for summary.csv's columns on the page (the CSV keeps its names; the page says which).</summary>
    private static readonly Dictionary<string, string> SummaryHeaders = new(StringComparer.Ordinal)
    {
        ["run_id"] = "run", ["turns_completed"] = "turns", ["sycophancy.dcs.mean"] = "DCS mean", ["safety.inappropriate.mean"] = "inappropriate mean",
        ["therapist.role_adherence.mean"] = "role adherence mean", ["safety.crisis_missed.mean"] = "crisis missed mean",
        ["deterioration.latent.phq9"] = "Δ PHQ-9", ["deterioration.latent.conviction"] = "Δ conviction (PDI)",
    };

    private static readonly string[] SummaryColumns =
    [
        "run_id", "status", "persona", "variant", "therapist", "style", "protocol", "seed", "turns_completed", "alerts",
        "sycophancy.dcs.mean", "safety.inappropriate.mean", "therapist.role_adherence.mean",
        "safety.crisis_missed.mean", "deterioration.latent.phq9", "deterioration.latent.conviction",
    ];

    /// <summary>Writes the report of the study <paramref name="source"/> reads into <paramref name="outDir"/>.</summary>
    public static ReportResult Write(ExportSource source, string? layer, string outDir, CancellationToken cancellationToken) =>
        Write(source, layer, outDir, ContrastOptions.Default, cancellationToken);

    /// <summary>Writes the report of the study <paramref name="source"/> reads into <paramref name="outDir"/>, its contrasts as <paramref name="contrastOptions"/> say.</summary>
    public static ReportResult Write(ExportSource source, string? layer, string outDir, ContrastOptions contrastOptions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contrastOptions);
        ArgumentNullException.ThrowIfNull(source);
        var study = new StudyFolder(source.Store.Root);
        var manifest = study.ReadManifest();
        using var folder = new ReportFolder(outDir);
        var scorecard = new Scorecard();
        StudyFigures? figures = null;
        var observations = new List<RunObservation>();
        var inline = new List<(string RunId, RunTranscript Transcript)>();
        var inlineTurns = 0;
        for (var i = 0; i < source.Runs.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = source.Runs[i];
            var transcript = source.Load(run, layer);
            if (transcript.Configuration is { } c)
            {
                scorecard.Add(RunOutcome.Of(c, transcript));
                (figures ??= new StudyFigures(c.TotalTurns)).Add(transcript);
                if (RunStore.ReadManifest(run).Status == RunStatus.Completed)
                {
                    observations.Add(RunObservation.Of(run.RunId, transcript));
                }
            }

            if (i < RunPages)
            {
                folder.Write($"runs/{run.RunId}.html", HtmlTranscript.Render(run.RunId, transcript));
            }

            if (inline.Count < InlineTranscripts && (inline.Count == 0 || inlineTurns + transcript.Turns.Count <= InlineTurns))
            {
                inlineTurns += transcript.Turns.Count;
                inline.Add((run.RunId, transcript));
            }
        }

        var name = source.Study ?? Path.GetFileName(study.Path);
        var page = new ReportPage($"Study {name}");
        page.Section("overview", "Overview");
        page.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{source.Runs.Count} runs; status {manifest?.Status ?? "unknown"} ({manifest?.Completed ?? 0} of {manifest?.Runs ?? source.Runs.Count} complete); folder {study.Path}{(layer is null ? "" : $"; score layer {layer}")}."));
        folder.Write("scorecard.csv", scorecard.ToCsv());
        var hasSummary = File.Exists(study.SummaryPath);
        if (hasSummary)
        {
            folder.Write("summary.csv", File.ReadAllText(study.SummaryPath));
        }

        page.Table(["file", "what"], [[new ReportCell("scorecard.csv", "scorecard.csv"), "the scorecard below, one row per therapist and axis"], [new ReportCell("contrasts.csv", "contrasts.csv"), "every contrast: factor, level, baseline, outcome, n, difference, Hedges' g, 95% bootstrap intervals"], .. hasSummary ? new[] { new ReportCell[] { new("summary.csv", "summary.csv"), "one row per run: configuration and every session aggregate" } } : []]);

        page.Section("scorecard", "Scorecard");
        page.Paragraph("Five axes of \"AI Safety Training Can be Clinically Harmful\", each a mean over the therapist's runs (↑ higher is better, ↓ lower is better), with the runs it rests on and the turns left unscored on the metrics it reads.", "note");
        page.Table(["therapist", "runs", .. Scorecard.Axes.Select(a => a == Scorecard.HallucinationRisk ? $"{a} ↓" : $"{a} ↑")], scorecard.Rows().Select(Row));

        ContrastAnalysis.CheckBaselines(observations.Select(o => o.Levels), StudyFactors.All, contrastOptions.Baselines);
        var contrasts = ContrastAnalysis.Of(observations, StudyFactors.All, contrastOptions);
        folder.Write("contrasts.csv", ContrastTable.ToCsv(contrasts));
        page.Section("contrasts", "Contrasts");
        var plots = StudyContrastSection.Write(page, folder, contrasts, observations.Count);

        page.Section("curves", "By factor level");
        plots += figures is null
            ? 0
            : ReportSections.Figures(page, folder, figures.Figures().Select(f => (FigureRenderer.Render(f.Figure), (string?)f.Caption)));
        if (figures is null || plots == 0)
        {
            page.Paragraph("The study varies no factor, or no run has turns yet: nothing to plot by level.", "note");
        }

        if (ContrastAnalysis.LevelsOf(observations.Select(o => o.Levels), StudyFactors.Variant).Count >= 2)
        {
            page.Section("robustness", "Demographic robustness");
            StudyContrastSection.Robustness(page, observations);
        }

        page.Section("summary", "Summary");
        if (hasSummary)
        {
            Summary(page, SummaryTable.Read(study.SummaryPath), source.Runs.Take(RunPages).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal));
        }
        else
        {
            page.Paragraph("The study folder has no summary.csv yet (the study has not finished a run).", "note");
        }

        page.Section("tree", "Run tree");
        ReportSections.Tree(page, source.Store, [.. source.Runs.Select(r => r.RunId)]);

        page.Section("transcripts", "Transcripts");
        page.Paragraph(source.Runs.Count > inline.Count
            ? $"The first {inline.Count} runs' transcripts are below; the first {Math.Min(RunPages, source.Runs.Count)} runs have a page in runs/ (linked from the summary)."
            : "Each run's transcript, also as a page of its own in runs/.", "note");
        foreach (var (runId, transcript) in inline)
        {
            page.Details($"{runId} ({transcript.Configuration?.Therapist}, {transcript.Turns.Count} turns)", () => ReportSections.Transcript(page, transcript, runId + "-"), runId);
        }

        folder.Write("index.html", page.ToHtml());
        folder.Commit();
        return new ReportResult("study", folder.Path, Path.Combine(folder.Path, "index.html"), plots, source.Runs.Count, folder.Files);
    }

    private static IReadOnlyList<ReportCell> Row(ScorecardRow row) =>
    [
        row.Therapist, ReportSections.Number(row.Runs),
        .. row.Cells.Select(c => new ReportCell(c.Value is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} ({c.Runs} runs, {c.UnscoredTurns} unscored turns)")
            : $"unscored: {c.Reason} ({c.UnscoredTurns} unscored turns)", Numeric: c.Value is not null)),
    ];

    private static void Summary(ReportPage page, SummaryTable table, HashSet<string> withPage)
    {
        var columns = SummaryColumns.Select(table.Column).Where(i => i >= 0).ToList();
        page.Paragraph($"Columns of summary.csv: {string.Join(", ", columns.Select(i => table.Header[i]))} (Δ: last minus first).", "note");
        page.Table([.. columns.Select(i => SummaryHeaders.GetValueOrDefault(table.Header[i], table.Header[i]))], table.Rows.Take(SummaryRows).Select(row => (IReadOnlyList<ReportCell>)
        [
            .. columns.Select(i => i == 0
                ? new ReportCell(row[0], withPage.Contains(row[0]) ? $"runs/{row[0]}.html" : null)
                : new ReportCell(Short(row[i]), Numeric: double.TryParse(row[i], NumberStyles.Float, CultureInfo.InvariantCulture, out _))),
        ]));
        if (table.Rows.Count > SummaryRows)
        {
            page.Paragraph($"The first {SummaryRows} of {table.Rows.Count} runs; summary.csv has them all, with every aggregate.", "note");
        }
    }

    private static string Short(string cell) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && cell.Contains('.', StringComparison.Ordinal)
            ? v.ToString("0.###", CultureInfo.InvariantCulture)
            : cell;
}
