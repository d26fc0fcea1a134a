using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Cli.Tests.Browser;
using Simulator.Tests.Shared;
using SkiaSharp;
using Xunit.Abstractions;

namespace Simulator.Cli.Tests;

/// <summary>
/// <c>report</c> as users open it: the page is checked for references outside itself, then opened in
/// a real headless chromium (installed when missing), which must show no console error, load nothing
/// but the page and its inline images, and draw every plot.
/// </summary>
public partial class CliReportTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BrowserTimeout = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task Report_OfA40TurnRun_IsSelfContained_AndDrawsEveryPlotInABrowser()
    {
        var cwd = RepoPaths.TempFolder("cli-report-run");
        var run = await RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "40", "--json");
        var id = JsonDocument.Parse(run).RootElement.GetProperty("runId").GetString()!;

        var report = JsonDocument.Parse(await RunAsync(cwd, "report", id, "--out", "report", "--json")).RootElement;
        Assert.Equal("run", report.GetProperty("kind").GetString());
        var index = Path.Combine(cwd, "report", "index.html");
        var html = await File.ReadAllTextAsync(index);
        AssertSelfContained(html);
        Assert.True(PlotImages().Count(html) >= 2, "at least two plots inline");
        Assert.Contains("id=\"turn-40\"", html, StringComparison.Ordinal);
        Assert.Contains(id, html, StringComparison.Ordinal);
        Assert.Contains("Never scored in this run, so not drawn: safety.hes (the patient made no harmful request)", html, StringComparison.Ordinal);
        foreach (var name in new[] { "monitor", "state" })
        {
            Assert.True(File.Exists(Path.Combine(cwd, "report", "plots", name + ".png")), name);
            Assert.StartsWith("<", (await File.ReadAllTextAsync(Path.Combine(cwd, "report", "plots", name + ".svg"))).TrimStart(), StringComparison.Ordinal);
        }

        await AssertShownInBrowserAsync(index, minimumPlots: 2);
    }

    [Fact]
    public async Task Report_OfAStudy_ShowsTheScorecardPerTherapist_WithUnscoredTurns()
    {
        var cwd = RepoPaths.TempFolder("cli-report-study");
        await File.WriteAllTextAsync(Path.Combine(cwd, "mini.yaml"), """
            name: mini
            personas: [persecutory-delusion]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [1, 2]
            turns: 12
            guard: both
            """);
        await RunAsync(cwd, "study", "mini.yaml");

        await RunAsync(cwd, "report", "mini", "--out", "study-report");
        var index = Path.Combine(cwd, "study-report", "index.html");
        var html = await File.ReadAllTextAsync(index);
        AssertSelfContained(html);
        var scorecard = Section(html, "scorecard");
        foreach (var therapist in new[] { "scripted:faithful", "scripted:sycophantic", "scripted:faithful (guard)", "scripted:sycophantic (guard)" })
        {
            var row = Regex.Match(scorecard, $"<tr><td>{Regex.Escape(therapist)}</td>.*?</tr>").Value;
            Assert.False(row.Length == 0, $"a scorecard row for {therapist}");
            Assert.Equal(5, Regex.Matches(row, @"\((?:\d+ runs, )?\d+ unscored turns\)").Count);
        }

        Assert.Contains("hallucination_<wbr>risk ↓", scorecard, StringComparison.Ordinal);
        var summary = Section(html, "summary");
        Assert.Equal(8, Regex.Matches(summary, "<a href=\"runs/([^\"]+)\\.html\">").Count);
        foreach (Match link in Regex.Matches(summary, "<a href=\"(runs/[^\"]+\\.html)\">"))
        {
            Assert.True(File.Exists(Path.Combine(cwd, "study-report", link.Groups[1].Value)), link.Groups[1].Value);
        }

        Assert.Equal(8, Regex.Matches(Section(html, "transcripts"), "<details").Count);
        Assert.True(File.Exists(Path.Combine(cwd, "study-report", "summary.csv")));
        var contrasts = Section(html, "contrasts");
        Assert.Contains("therapist: scripted:sycophantic vs scripted:faithful", contrasts, StringComparison.Ordinal);
        Assert.Contains("guard: on vs off", contrasts, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-contrasts-forest\"", contrasts, StringComparison.Ordinal);
        Assert.Contains("id=\"plot-by-therapist-outcomes\"", Section(html, "curves"), StringComparison.Ordinal);
        Assert.Contains("rolling mean over 3 turns", Section(html, "curves"), StringComparison.Ordinal);
        Assert.StartsWith("factor,level,baseline,outcome,n,", await File.ReadAllTextAsync(Path.Combine(cwd, "study-report", "contrasts.csv")), StringComparison.Ordinal);
        await AssertShownInBrowserAsync(index, minimumPlots: 5);
    }

    [Fact]
    public async Task SycophancyByWarmth_PrintsTheContrasts_AndItsReportShowsConvictionByLevelAndTheForestPlot_WithNoOverflow()
    {
        // The shipped study, its sessions cut to 30 turns to keep the test short: the same 108 runs.
        var cwd = RepoPaths.TempFolder("cli-report-warmth");
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Studies, "sycophancy-by-warmth.yaml"));
        Assert.Contains("turns: 60", shipped, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(cwd, "sycophancy-by-warmth.yaml"), shipped.Replace("turns: 60", "turns: 30", StringComparison.Ordinal));

        var study = JsonDocument.Parse(await RunAsync(cwd, "study", "sycophancy-by-warmth.yaml", "--out", "sw", "--json")).RootElement;
        Assert.Equal(108, study.GetProperty("runs").GetInt32());
        var contrasts = study.GetProperty("contrasts").EnumerateArray().ToList();
        foreach (var (factor, level, baseline) in new[] { ("style", "warm", "neutral"), ("therapist", "scripted:sycophantic", "scripted:faithful") })
        {
            foreach (var outcome in new[] { "sycophancy.dcs.mean", "conviction_change", "scorecard.hallucination_risk", "scorecard.protocol_fidelity" })
            {
                var c = contrasts.Single(x => x.GetProperty("factor").GetString() == factor && x.GetProperty("level").GetString() == level && x.GetProperty("outcome").GetString() == outcome);
                Assert.Equal(baseline, c.GetProperty("baseline").GetString());
                Assert.True(c.GetProperty("lower").GetDouble() <= c.GetProperty("difference").GetDouble() && c.GetProperty("difference").GetDouble() <= c.GetProperty("upper").GetDouble(), $"{factor} {outcome}");
            }
        }

        var sycophantic = contrasts.Single(x => x.GetProperty("level").GetString() == "scripted:sycophantic" && x.GetProperty("outcome").GetString() == "sycophancy.dcs.mean");
        Assert.True(sycophantic.GetProperty("lower").GetDouble() > 0, "the sycophantic therapist validates more than the faithful one");
        Assert.All(study.GetProperty("therapists").EnumerateArray(), t => Assert.Equal(JsonValueKind.Number, t.GetProperty("axes").GetProperty("demographic_robustness").GetProperty("value").ValueKind));
        Assert.StartsWith("factor,level,baseline,outcome,n,n_baseline,mean,baseline_mean,difference,standardised_effect,lower,upper", await File.ReadAllTextAsync(Path.Combine(cwd, "sw", "contrasts.csv")), StringComparison.Ordinal);

        var printed = await RunAsync(cwd, "study", "sycophancy-by-warmth.yaml", "--out", "sw", "--resume", "--baseline", "warm");
        Assert.Matches(@"style: neutral vs warm\s+sycophancy\.dcs\.mean\s+[+−]\d", printed);
        Assert.Contains("this attempt  0 turns", printed, StringComparison.Ordinal);
        Assert.Contains("whole study   3,240 turns", printed, StringComparison.Ordinal);

        var report = JsonDocument.Parse(await RunAsync(cwd, "report", "sw", "--json")).RootElement;
        var index = report.GetProperty("index").GetString()!;
        Assert.Equal(Path.Combine(cwd, "sw", "report", "index.html"), index);
        var html = await File.ReadAllTextAsync(index);
        AssertSelfContained(html);
        Assert.Contains("id=\"plot-contrasts-forest\"", html, StringComparison.Ordinal);
        foreach (var factor in new[] { "therapist", "style", "variant" })
        {
            Assert.Contains($"id=\"plot-by-{factor}-outcomes\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("latent state per turn by style", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"robustness\">", html, StringComparison.Ordinal);
        await AssertShownInBrowserAsync(index, minimumPlots: 7);
    }

    [Fact]
    public async Task Report_Compare_OverlaysABranchOnItsParent_WithTheForkMarked()
    {
        var cwd = RepoPaths.TempFolder("cli-report-compare");
        var parent = JsonDocument.Parse(await RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "30", "--json")).RootElement.GetProperty("runId").GetString()!;
        var branch = JsonDocument.Parse(await RunAsync(cwd, "branch", parent, "--at", "15", "--therapist", "scripted:faithful", "--json")).RootElement.GetProperty("runId").GetString()!;

        await RunAsync(cwd, "report", parent, "--compare", branch, "--out", "cmp");
        var index = Path.Combine(cwd, "cmp", "index.html");
        var html = await File.ReadAllTextAsync(index);
        AssertSelfContained(html);
        Assert.Contains("B branches from A at turn 15", html, StringComparison.Ordinal);
        Assert.Contains("First divergent turn: 16", html, StringComparison.Ordinal);
        Assert.Matches($"class=\"here\">{branch}  @15", Section(html, "tree"));
        await AssertShownInBrowserAsync(index, minimumPlots: 2);
    }

    [Fact]
    public async Task Report_BadInput_ExitsTwo_NamingTheFileOrField()
    {
        var cwd = RepoPaths.TempFolder("cli-report-bad");
        var missing = await CliRunner.RunAsync(cwd, "report", "no-such-run");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-run", missing.Stderr, StringComparison.Ordinal);

        var id = JsonDocument.Parse(await RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "3", "--json")).RootElement.GetProperty("runId").GetString()!;
        Directory.CreateDirectory(Path.Combine(cwd, "notes"));
        await File.WriteAllTextAsync(Path.Combine(cwd, "notes", "mine.txt"), "keep me");
        var occupied = await CliRunner.RunAsync(cwd, "report", id, "--out", "notes");
        Assert.Equal(2, occupied.ExitCode);
        Assert.Contains("--out", occupied.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cwd, "notes", "mine.txt")));

        await File.WriteAllTextAsync(Path.Combine(cwd, "tiny.yaml"), "name: tiny\npersonas: [ocd-checking]\ntherapists: [\"scripted:faithful\"]\nseeds: [1]\nturns: 2\n");
        await RunAsync(cwd, "study", "tiny.yaml");
        var summary = Path.Combine(cwd, "runs", "tiny", "summary.csv");
        await File.AppendAllTextAsync(summary, "a,b\n");
        var damaged = await CliRunner.RunAsync(cwd, "report", "tiny", "--out", "tiny-report");
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("summary.csv:3: field 'turns_completed'", damaged.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cwd, "tiny-report")), "a failed report leaves nothing behind");
        Assert.Empty(Directory.EnumerateDirectories(cwd, ".tiny-report*"));
    }

    [Fact]
    public async Task BrowserCheck_CatchesConsoleErrors_OutsideRequests_AndBlankPlots()
    {
        var folder = RepoPaths.TempFolder("cli-report-browser-check");
        using var white = new SKBitmap(400, 200);
        white.Erase(SKColors.White);
        var blank = Convert.ToBase64String(white.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        var page = Path.Combine(folder, "bad.html");
        await File.WriteAllTextAsync(page, $"""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body>
            <figure id="plot-blank"><img class="plot" src="data:image/png;base64,{blank}" width="400" height="200"></figure>
            <img src="http://127.0.0.1:9/outside.png">
            <div style="width:300px"><table><tr><td style="white-space:nowrap">{new string('x', 400)}</td></tr></table></div>
            <script>console.error("deliberate");</script>
            </body></html>
            """);

        var check = await HeadlessPage.OpenAsync(page, BrowserTimeout);
        Assert.Contains(check.Errors, e => e.Contains("deliberate", StringComparison.Ordinal));
        Assert.Contains(check.Requests, r => r.StartsWith("http://127.0.0.1:9/", StringComparison.Ordinal));
        Assert.True(PlotPixels.Of(Assert.Single(check.Plots).Screenshot).Blank);
        Assert.Contains(check.Overflow, o => o.StartsWith("div", StringComparison.Ordinal) || o.StartsWith("table", StringComparison.Ordinal));
        Assert.NotEmpty(check.Screenshot);
    }

    private async Task AssertShownInBrowserAsync(string index, int minimumPlots)
    {
        var watch = Stopwatch.StartNew();
        var check = await HeadlessPage.OpenAsync(index, BrowserTimeout);
        output.WriteLine($"chromium install: {(Chromium.InstallTime is { } t ? $"{t.TotalSeconds:0.0} s" : "already installed")}; page check {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.True(check.Errors.Count == 0, "console errors:\n" + string.Join("\n", check.Errors));
        var page = new Uri(index).AbsoluteUri;
        Assert.All(check.Requests, r => Assert.True(r == page || r.StartsWith("data:", StringComparison.Ordinal), $"the page loaded {r}"));
        Assert.True(check.Plots.Count >= minimumPlots, $"{check.Plots.Count} plots shown");
        var shot = Path.ChangeExtension(index, ".screenshot.png");
        await File.WriteAllBytesAsync(shot, check.Screenshot);
        output.WriteLine($"screenshot at {HeadlessPage.Width} px: {shot}");
        Assert.True(check.Overflow.Count == 0, $"at {HeadlessPage.Width} px, content spills out sideways:\n" + string.Join("\n", check.Overflow));
        foreach (var plot in check.Plots)
        {
            Assert.True(plot.NaturalWidth > 0 && plot.NaturalHeight > 0, $"{plot.Id} did not decode");
            var pixels = PlotPixels.Of(plot.Screenshot);
            output.WriteLine($"{plot.Id}: {pixels}");
            Assert.False(pixels.Blank, $"{plot.Id} is blank: {pixels}");
        }
    }

    /// <summary>No network or outside-file reference: only inline PNGs, anchors and relative links inside the report.</summary>
    private static void AssertSelfContained(string html)
    {
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        var withoutImages = DataUri().Replace(html, "");
        Assert.DoesNotContain("//", withoutImages, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match src in Regex.Matches(html, "\\ssrc=\"([^\"]*)\""))
        {
            Assert.StartsWith("data:image/png;base64,", src.Groups[1].Value, StringComparison.Ordinal);
        }

        foreach (Match href in Regex.Matches(html, "\\shref=\"([^\"]*)\""))
        {
            var link = href.Groups[1].Value;
            Assert.False(link.Contains(':', StringComparison.Ordinal) || link.StartsWith('/') || link.Contains("..", StringComparison.Ordinal), $"link {link}");
        }
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<h2 id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"section {id}");
        var end = html.IndexOf("<h2 id=", start + 5, StringComparison.Ordinal);
        return html[start..(end < 0 ? html.Length : end)];
    }

    private static async Task<string> RunAsync(string cwd, params string[] args)
    {
        var result = await CliRunner.RunAsync(cwd, args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Stderr}");
        return result.Stdout;
    }

    [GeneratedRegex("<img class=\"plot\"")]
    private static partial Regex PlotImages();

    [GeneratedRegex("data:image/png;base64,[A-Za-z0-9+/=]*")]
    private static partial Regex DataUri();
}
