using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary><c>runs list</c> through the run catalog, and saved runs as untrusted input.</summary>
public class CliRunCatalogTests
{
    private static async Task<(string Cwd, string Sycophantic, string Faithful)> TwoRuns()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var a = await CliRunner.RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "12", "--json");
        var b = await CliRunner.RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--protocol", "prolonged-exposure", "--turns", "4", "--json");
        Assert.True(a.ExitCode == 0 && b.ExitCode == 0, a.Stderr + b.Stderr);
        return (cwd, RunId(a.Stdout), RunId(b.Stdout));
    }

    private static string RunId(string json) => JsonDocument.Parse(json).RootElement.GetProperty("runId").GetString()!;

    private static async Task<List<string>> ListIds(string cwd, params string[] filters)
    {
        var r = await CliRunner.RunAsync(cwd, ["runs", "list", "--json", .. filters]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return [.. JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Select(e => e.GetProperty("runId").GetString()!)];
    }

    [Fact]
    public async Task RunsList_Filters_SelectRunsThroughTheCatalog()
    {
        var (cwd, sycophantic, faithful) = await TwoRuns();

        var text = await CliRunner.RunAsync(cwd, "runs", "list");
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.StartsWith("run ", text.Stdout);
        Assert.Contains(sycophantic, text.Stdout);
        Assert.True(File.Exists(Path.Combine(cwd, "runs", "catalog.db")));

        Assert.Equal([sycophantic], await ListIds(cwd, "--therapist", "scripted:sycophantic"));
        Assert.Equal([faithful], await ListIds(cwd, "--persona", "ocd-checking", "--protocol", "prolonged-exposure", "--status", "completed"));
        Assert.Equal([sycophantic, faithful], await ListIds(cwd, "--since", "2000-01-01", "--until", "2999-12-31", "--where", "therapist.role_adherence.scored >= 1"));
        Assert.Equal([faithful], await ListIds(cwd, "--limit", "1"));
        Assert.Equal([sycophantic], await ListIds(cwd, "--where", "patient.persona_consistency.scored > 10"));
        Assert.Empty(await ListIds(cwd, "--parent", sycophantic));
    }

    [Fact]
    public async Task RunsList_DamagedCatalog_IsRebuiltAndListsEveryRun()
    {
        var (cwd, sycophantic, faithful) = await TwoRuns();
        await CliRunner.RunAsync(cwd, "runs", "list");
        await File.WriteAllTextAsync(Path.Combine(cwd, "runs", "catalog.db"), "not a database at all, but long enough to have a header of sorts");

        Assert.Equal([sycophantic, faithful], await ListIds(cwd));
    }

    [Fact]
    public async Task RunsList_TwoProcessesBuildingTheCatalogAtOnce_BothListEveryRun()
    {
        var (cwd, sycophantic, _) = await TwoRuns();
        var runs = Path.Combine(cwd, "runs");
        foreach (var i in Enumerable.Range(0, 300))
        {
            var copy = Directory.CreateDirectory(Path.Combine(runs, $"copy-{i:d3}")).FullName;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(runs, sycophantic)))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        var both = await Task.WhenAll(CliRunner.RunAsync(cwd, "runs", "list", "--json"), CliRunner.RunAsync(cwd, "runs", "list", "--json"));
        var after = await CliRunner.RunAsync(cwd, "runs", "list", "--json");

        foreach (var r in both.Append(after))
        {
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(302, JsonDocument.Parse(r.Stdout).RootElement.GetArrayLength());
            Assert.DoesNotContain("rebuilt", r.Stderr);
            Assert.DoesNotContain("memory", r.Stderr);
        }
    }

    [Fact]
    public async Task RunsList_BadFilter_Exit2NamingTheField()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "2");
        Assert.Equal(0, run.ExitCode);
        (string Option, string Value, string Says)[] cases =
        [
            ("--where", "sycophancy.dcs.maxx >= 2", "field '--where': unknown aggregate 'maxx' of metric 'sycophancy.dcs'"),
            ("--where", "sycophancy.dcs.max >=", "field '--where'"),
            ("--where", "sycophancy.dcs.max >= lots", "field '--where'"),
            ("--since", "last tuesday", "field '--since'"),
            ("--limit", "0", "field '--limit'"),
            ("--status", "finished", "field '--status'"),
            ("--parent", "../etc", "field '--parent'"),
        ];

        var results = await Task.WhenAll(cases.Select(c => CliRunner.RunAsync(cwd, "runs", "list", c.Option, c.Value)));

        foreach (var (c, r) in cases.Zip(results))
        {
            Assert.True(r.ExitCode == 2, $"{c.Option} {c.Value}: exit {r.ExitCode}");
            Assert.Contains(c.Says, r.Stderr);
            Assert.Equal("", r.Stdout);
        }
    }

    [Fact]
    public async Task ShowAndExport_LogOfRandomBytes_Exit2WithAClearMessage()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "3", "--json");
        var runId = RunId(run.Stdout);
        var log = Path.Combine(cwd, "runs", runId, "events.msgpack");
        var bytes = new byte[5000];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(log, bytes);

        var show = await CliRunner.RunAsync(cwd, "runs", "show", runId);
        var export = await CliRunner.RunAsync(cwd, "export", runId, "--format", "jsonl");
        var list = await CliRunner.RunAsync(cwd, "runs", "list", "--json");

        foreach (var r in new[] { show, export })
        {
            Assert.Equal(2, r.ExitCode);
            Assert.Contains($"{log}: field 'header': not a simulator event log", r.Stderr);
            Assert.DoesNotContain("Exception", r.Stderr);
        }

        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray());
        Assert.Contains("not a simulator event log", row.GetProperty("logError").GetString());
    }
}
