using System.Diagnostics;
using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

public class CliEndToEndTests
{
    [Fact]
    public async Task Run_Quickstart60Turns_PrintsJsonWithTurnsPathAndHash()
    {
        var cwd = RepoPaths.TempFolder("cli");

        var r = await CliRunner.RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "60", "--json");

        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;
        Assert.Equal(60, root.GetProperty("turns").GetInt32());
        var path = root.GetProperty("path").GetString()!;
        Assert.StartsWith(Path.Combine(cwd, "runs"), path);
        foreach (var file in new[] { "events.msgpack", "manifest.json", "transcript.md" })
        {
            Assert.True(File.Exists(Path.Combine(path, file)), file);
        }

        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("contentHash").GetString());
        Assert.Contains("## Turn 60", await File.ReadAllTextAsync(Path.Combine(path, "transcript.md")));
        Assert.True(File.Exists(Path.Combine(cwd, "runs", "simulator.clef")), "the compact-JSON log file");
    }

    [Fact]
    public async Task Run_SameSeed_SameHash_OtherSeed_OtherHash()
    {
        var cwd = RepoPaths.TempFolder("cli");
        string[] args = ["run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "25", "--json", "--seed"];

        var a = await CliRunner.RunAsync(cwd, [.. args, "3"]);
        var b = await CliRunner.RunAsync(cwd, [.. args, "3"]);
        var c = await CliRunner.RunAsync(cwd, [.. args, "4"]);

        string Hash(CliRunner.Result r) => JsonDocument.Parse(r.Stdout).RootElement.GetProperty("contentHash").GetString()!;
        Assert.Equal(Hash(a), Hash(b));
        Assert.NotEqual(Hash(a), Hash(c));
    }

    [Theory]
    [InlineData("unknown-field", "  age: 34\n", "  age: 34\n  shoe_size: 9\n", "shoe_size")]
    [InlineData("out-of-range", "  phq9: 10\n", "  phq9: 99\n", "state0.phq9")]
    [InlineData("syntax-error", "version: 2\n", "version: 2\nbroken: [unclosed\n", "syntax error")]
    public async Task PersonasValidate_BrokenFile_Exit2NamingFileAndLine(string id, string find, string replace, string mentions)
    {
        var cwd = RepoPaths.TempFolder("cli");
        var text = (await File.ReadAllTextAsync(RepoPaths.Persona("persecutory-delusion")))
            .Replace("id: persecutory-delusion", $"id: {id}", StringComparison.Ordinal)
            .Replace(find, replace, StringComparison.Ordinal);
        Assert.Contains(replace, text);
        var file = Path.Combine(cwd, id + ".yaml");
        await File.WriteAllTextAsync(file, text);
        var line = text.Split('\n').Select((l, i) => (l, i)).First(x => replace.Split('\n').Where(s => s.Length > 0).Last() == x.l).i + 1;

        var r = await CliRunner.RunAsync(cwd, "personas", "validate", file);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{file}:{line}:", r.Stderr);
        Assert.Contains(mentions, r.Stderr);
    }

    [Theory]
    [InlineData("--persona", "nobody-at-all", "unknown persona")]
    [InlineData("--therapist", "scripted:nobody", "unknown scripted model")]
    [InlineData("--therapist", "banana", "not a model reference")]
    [InlineData("--turns", "0", "out of range")]
    public async Task Run_BadOption_Exit2WithMessage_AndNoRunFolder(string option, string value, string message)
    {
        var cwd = RepoPaths.TempFolder("cli");
        var args = new Dictionary<string, string> { ["--persona"] = "ocd-checking", ["--therapist"] = "scripted:faithful", ["--turns"] = "5" };
        args[option] = value;

        var r = await CliRunner.RunAsync(cwd, ["run", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(cwd, "runs")) && Directory.EnumerateDirectories(Path.Combine(cwd, "runs")).Any());
    }

    [Fact]
    public async Task Run_UnknownOption_Exit2()
    {
        var r = await CliRunner.RunAsync(RepoPaths.TempFolder("cli"), "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--colour", "blue");

        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public async Task Run_CtrlC_Exit130_EveryCompletedTurnSaved()
    {
        var cwd = RepoPaths.TempFolder("cli");
        using var process = CliRunner.Start(cwd, "run", "--persona", "depression-suicidal", "--therapist", "scripted:faithful", "--turns", "100000", "--json");
        var events = await WaitForLogAsync(cwd, minBytes: 40_000);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var r = await CliRunner.CollectAsync(process);

        Assert.Equal(130, r.ExitCode);
        var result = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal("cancelled", result.GetProperty("status").GetString());
        var turns = result.GetProperty("turns").GetInt32();
        Assert.InRange(turns, 1, 99_999);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(events)!, "manifest.json"))).RootElement;
        Assert.Equal("cancelled", manifest.GetProperty("status").GetString());
        Assert.Equal(turns, manifest.GetProperty("turnsCompleted").GetInt32());

        var export = await CliRunner.RunAsync(cwd, "export", Path.GetDirectoryName(events)!, "--format", "jsonl");
        Assert.Equal(0, export.ExitCode);
        var lines = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(turns, lines.Length);
        Assert.Equal(Enumerable.Range(1, turns), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("turn").GetInt32()));
    }

    [Fact]
    public async Task ExportAndRuns_AfterARun_ShowTheSameTurns()
    {
        var cwd = RepoPaths.TempFolder("cli");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "depression-suicidal", "--therapist", "scripted:faithful", "--turns", "12", "--json");
        var runId = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runId").GetString()!;

        var jsonl = await CliRunner.RunAsync(cwd, "export", runId, "--format", "jsonl");
        var md = await CliRunner.RunAsync(cwd, "export", runId, "--format", "md");
        var list = await CliRunner.RunAsync(cwd, "runs", "list", "--json");
        var show = await CliRunner.RunAsync(cwd, "runs", "show", runId, "--json");

        var lines = jsonl.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(12, lines.Count);
        Assert.All(lines, l =>
        {
            Assert.Equal(runId, l.GetProperty("run").GetString());
            Assert.True(l.GetProperty("state").TryGetProperty("phq9", out _));
            Assert.True(l.GetProperty("state").TryGetProperty("conviction.burden-to-others", out _));
            Assert.False(string.IsNullOrEmpty(l.GetProperty("patient").GetString()));
            var scoredOrNot = l.GetProperty("metrics").TryGetProperty("sycophancy.dcs", out _) || l.GetProperty("unscored").TryGetProperty("sycophancy.dcs", out _);
            Assert.True(scoredOrNot);
        });
        Assert.Contains("## Turn 12", md.Stdout);
        Assert.Contains(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray(), r => r.GetProperty("runId").GetString() == runId);
        Assert.Equal(12, JsonDocument.Parse(show.Stdout).RootElement.GetProperty("completedTurns").GetInt32());
    }

    [Fact]
    public async Task RunsShow_GarbageLog_Exit2()
    {
        var cwd = RepoPaths.TempFolder("cli");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:faithful", "--turns", "3", "--json");
        var path = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("path").GetString()!;
        await File.WriteAllTextAsync(Path.Combine(path, "events.msgpack"), "this is not an event log");

        var show = await CliRunner.RunAsync(cwd, "runs", "show", path);
        var escape = await CliRunner.RunAsync(cwd, "runs", "show", "../../etc");

        Assert.Equal(2, show.ExitCode);
        Assert.Contains("events.msgpack", show.Stderr);
        Assert.Equal(2, escape.ExitCode);
    }

    [Fact]
    public async Task PersonasList_Json_HasTheStarterPersonasWithConditionsAndVariants()
    {
        var r = await CliRunner.RunAsync(RepoPaths.TempFolder("cli"), "personas", "list", "--json");

        Assert.Equal(0, r.ExitCode);
        var personas = JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().ToList();
        foreach (var id in new[] { "persecutory-delusion", "depression-suicidal", "ocd-checking" })
        {
            var p = personas.Single(x => x.GetProperty("id").GetString() == id);
            Assert.False(string.IsNullOrEmpty(p.GetProperty("condition").GetString()));
            Assert.NotEmpty(p.GetProperty("variants").EnumerateArray());
        }
    }

    [Fact]
    public async Task PersonasShowTrajectory_Json_HasTheStatePerTurnWithInstruments()
    {
        var cwd = RepoPaths.TempFolder("cli");

        var r = await CliRunner.RunAsync(cwd, "personas", "show", "persecutory-delusion", "--trajectory", "--turns", "15", "--therapist", "scripted:sycophantic", "--seed", "2", "--json");
        var text = await CliRunner.RunAsync(cwd, "personas", "show", "persecutory-delusion", "--trajectory", "--turns", "5");

        Assert.True(r.ExitCode == 0, r.Stderr);
        var turns = JsonDocument.Parse(r.Stdout).RootElement.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 15), turns.Select(t => t.GetProperty("turn").GetInt32()));
        Assert.All(turns, t =>
        {
            Assert.InRange(t.GetProperty("state").GetProperty("conviction.being-watched").GetDouble(), 0, 1);
            Assert.InRange(t.GetProperty("instruments").GetProperty("pdi.conviction.being-watched").GetInt32(), 1, 5);
            Assert.InRange(t.GetProperty("instruments").GetProperty("phq9").GetInt32(), 0, 27);
        });
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("PHQ-9", text.Stdout);
        Assert.False(Directory.Exists(Path.Combine(cwd, "runs")) && Directory.EnumerateDirectories(Path.Combine(cwd, "runs")).Any(), "a preview writes no run");
    }

    private static async Task<string> WaitForLogAsync(string cwd, long minBytes)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            var runs = Path.Combine(cwd, "runs");
            var log = Directory.Exists(runs) ? Directory.EnumerateFiles(runs, "events.msgpack", SearchOption.AllDirectories).FirstOrDefault() : null;
            if (log is not null && new FileInfo(log).Length >= minBytes)
            {
                return log;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the run never wrote its log");
    }
}
