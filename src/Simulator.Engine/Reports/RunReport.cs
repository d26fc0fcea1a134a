using System.Globalization;
using Simulator.Reports.Html;
using Simulator.Reports.Plots;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Reports;

/// <summary>
/// <c>simulator report &lt;run&gt;</c>: the run's settings, its curves (monitor metrics with gaps for
/// unscored turns, the latent state, alerts marked), the monitor's session summary, its run tree
/// (parents and branches) and the transcript, in one self-contained <c>index.html</c>, plus each plot
/// as PNG and SVG in <c>plots/</c>.
/// </summary>
public static class RunReport
{
    /// <summary>Writes the report of <paramref name="run"/> into <paramref name="outDir"/>.</summary>
    public static ReportResult Write(RunStore store, RunFolder run, string? layer, string outDir)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(run);
        var transcript = ReportSections.Load(store, run, layer);
        var manifest = RunStore.ReadManifest(run);
        using var folder = new ReportFolder(outDir);
        var page = new ReportPage($"Run {run.RunId}");

        page.Section("overview", "Overview").Table(ReportSections.SettingsHeader, [ReportSections.Settings(run.RunId, transcript)]);
        page.Paragraph(string.Create(CultureInfo.InvariantCulture, $"status {manifest.Status}; content hash {manifest.ContentHash ?? "none"}{(manifest.ParentRunId is { } p ? $"; branch of {p} at turn {manifest.ParentTurn}" : "")}{(layer is null ? "" : $"; score layer {layer}")}"), "note");

        page.Section("curves", "Curves");
        var (figures, leftOut) = RunFigures.Of(transcript);
        var plots = ReportSections.Figures(page, folder, figures.Select(f => (FigureRenderer.Render(f.Figure), (string?)f.Caption)));
        if (leftOut.Count > 0)
        {
            page.Paragraph($"Never scored in this run, so not drawn: {string.Join("; ", leftOut)}.", "note");
        }

        page.Section("monitor", "Monitor summary");
        ReportSections.MonitorSummary(page, transcript);

        page.Section("patient", "Patient fidelity and self-report");
        ReportSections.PatientSummary(page, transcript);

        page.Section("tree", "Run tree");
        ReportSections.Tree(page, store, [run.RunId]);

        page.Section("transcript", "Transcript");
        ReportSections.Transcript(page, transcript);

        folder.Write("index.html", page.ToHtml());
        folder.Commit();
        return new ReportResult("run", folder.Path, Path.Combine(folder.Path, "index.html"), plots, 1, folder.Files);
    }
}
