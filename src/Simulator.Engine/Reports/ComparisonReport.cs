using Simulator.Core.Transcripts;
using Simulator.Reports.Html;
using Simulator.Reports.Plots;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Reports;

/// <summary>
/// <c>simulator report &lt;a&gt; --compare &lt;b&gt;</c>: two runs overlaid (B dashed) with the fork
/// marked — the branch's fork turn when one run is a branch of the other, else the turn before they
/// first differ — the first divergent turn, both monitor summaries, their run trees and both
/// transcripts (collapsible).
/// </summary>
public static class ComparisonReport
{
    /// <summary>Writes the comparison of <paramref name="a"/> and <paramref name="b"/>, both of <paramref name="store"/>, into <paramref name="outDir"/>.</summary>
    public static ReportResult Write(RunStore store, RunFolder a, RunFolder b, string? layer, string outDir) => Write(store, a, store, b, layer, outDir);

    /// <summary>Writes the comparison of <paramref name="a"/> (of <paramref name="storeA"/>) and <paramref name="b"/> (of <paramref name="storeB"/>) into <paramref name="outDir"/>.</summary>
    public static ReportResult Write(RunStore storeA, RunFolder a, RunStore storeB, RunFolder b, string? layer, string outDir)
    {
        ArgumentNullException.ThrowIfNull(storeA);
        ArgumentNullException.ThrowIfNull(storeB);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ta = ReportSections.Load(storeA, a, layer);
        var tb = ReportSections.Load(storeB, b, layer);
        var comparison = RunComparison.Of(ta, tb);
        var fork = Fork(RunStore.ReadManifest(a), RunStore.ReadManifest(b), comparison);
        using var folder = new ReportFolder(outDir);
        var page = new ReportPage($"Comparison: {a.RunId} (A) and {b.RunId} (B)");

        page.Section("overview", "Overview").Table(["", .. ReportSections.SettingsHeader], [["A", .. ReportSections.Settings(a.RunId, ta)], ["B", .. ReportSections.Settings(b.RunId, tb)]]);
        page.Paragraph(comparison.FirstDivergentTurn is { } d ? $"First divergent turn: {d}. {fork.Label}." : "The runs are the same turn by turn.", "note");

        page.Section("curves", "Curves");
        var plots = ReportSections.Plots(page, folder, ReportCharts.Comparison(ta, tb, fork));

        page.Section("monitor", "Monitor summaries");
        page.Details($"A: {a.RunId}", () => ReportSections.MonitorSummary(page, ta));
        page.Details($"B: {b.RunId}", () => ReportSections.MonitorSummary(page, tb));

        page.Section("tree", "Run tree");
        if (storeA.Root == storeB.Root)
        {
            ReportSections.Tree(page, storeA, [a.RunId, b.RunId]);
        }
        else
        {
            ReportSections.Tree(page, storeA, [a.RunId]);
            ReportSections.Tree(page, storeB, [b.RunId]);
        }

        page.Section("transcripts", "Transcripts");
        page.Details($"A: {a.RunId} ({ta.Turns.Count} turns)", () => ReportSections.Transcript(page, ta, "a-"), "run-a");
        page.Details($"B: {b.RunId} ({tb.Turns.Count} turns)", () => ReportSections.Transcript(page, tb, "b-"), "run-b");

        folder.Write("index.html", page.ToHtml());
        folder.Commit();
        return new ReportResult("comparison", folder.Path, Path.Combine(folder.Path, "index.html"), plots, 2, folder.Files);
    }

    /// <summary>The fork: where a branch left its parent, else the last turn the runs share.</summary>
    internal static TurnMarker Fork(RunManifest a, RunManifest b, RunComparison comparison)
    {
        if (b.ParentRunId == a.RunId && b.ParentTurn is { } tb)
        {
            return new TurnMarker(tb, TurnMarkerKind.Fork, $"B branches from A at turn {tb}");
        }

        if (a.ParentRunId == b.RunId && a.ParentTurn is { } ta)
        {
            return new TurnMarker(ta, TurnMarkerKind.Fork, $"A branches from B at turn {ta}");
        }

        var shared = (comparison.FirstDivergentTurn ?? Math.Max(comparison.A.Turns.Count, comparison.B.Turns.Count) + 1) - 1;
        return new TurnMarker(shared, TurnMarkerKind.Fork, $"the runs share turns 1..{shared}");
    }
}
