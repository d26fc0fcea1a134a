using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>Replay, resume, branch and compare as a user runs them.</summary>
public class CliRunsTests
{
    [Fact]
    public async Task VerifyIdentical_TruncatedLogResumes_RandomBytesRefused()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var run = await RunAsync(cwd, "run", "--persona", "depression-suicidal", "--therapist", "scripted:crisis-missing", "--turns", "30", "--json");
        var id = run.GetProperty("runId").GetString()!;
        var hash = run.GetProperty("contentHash").GetString();

        var verify = await RunAsync(cwd, "replay", id, "--verify", "--json");
        Assert.True(verify.GetProperty("identical").GetBoolean());
        Assert.Equal(JsonValueKind.Null, verify.GetProperty("firstDivergentTurn").ValueKind);

        // Cut mid-frame: the torn frame is dropped, and resume runs the session to its full length again.
        var log = Path.Combine(cwd, "runs", id, "events.msgpack");
        var bytes = await File.ReadAllBytesAsync(log);
        await File.WriteAllBytesAsync(log, bytes[..(bytes.Length / 2 + 3)]);
        var resumed = await RunAsync(cwd, "resume", id, "--json");
        Assert.Equal(30, resumed.GetProperty("turns").GetInt32());
        Assert.Equal(hash, resumed.GetProperty("contentHash").GetString());

        await File.WriteAllBytesAsync(log, [.. Enumerable.Range(0, 10_000).Select(i => (byte)((i * 7919) ^ (i >> 3)))]);
        foreach (var args in new[] { new[] { "resume", id }, ["replay", id], ["replay", id, "--verify"], ["runs", "show", id] })
        {
            var refused = await CliRunner.RunAsync(cwd, args);
            Assert.True(refused.ExitCode == 2, $"{string.Join(' ', args)}: exit {refused.ExitCode}\n{refused.Stderr}");
            Assert.Contains("events.msgpack", refused.Stderr);
            Assert.DoesNotContain("   at ", refused.Stderr);
        }
    }

    [Fact]
    public async Task Branch40At20_WithAnotherTherapist_CompareNamesTurn21_AndTheTreeShowsBranchesOfBranches()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var parent = (await RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:faithful", "--turns", "40", "--json")).GetProperty("runId").GetString()!;
        var branch = await RunAsync(cwd, "branch", parent, "--at", "20", "--therapist", "scripted:sycophantic", "--json");
        var branchId = branch.GetProperty("runId").GetString()!;
        Assert.Equal(40, branch.GetProperty("turns").GetInt32());
        var twig = (await RunAsync(cwd, "branch", branchId, "--at", "25", "--set", "conviction.being-watched=0.95", "--turns", "5", "--json")).GetProperty("runId").GetString()!;

        var compare = await RunAsync(cwd, "compare", parent, branchId, "--json");
        Assert.Equal(21, compare.GetProperty("firstDivergentTurn").GetInt32());
        var text = await CliRunner.RunAsync(cwd, "compare", parent, branchId);
        Assert.Contains("first divergent turn: 21", text.Stdout);
        Assert.Equal(26, (await RunAsync(cwd, "compare", branchId, twig, "--json")).GetProperty("firstDivergentTurn").GetInt32());

        var a = await ExportAsync(cwd, parent);
        var b = await ExportAsync(cwd, branchId);
        Assert.Equal(40, b.Count);
        Assert.Equal(a.Take(20), b.Take(20));
        Assert.All(Enumerable.Range(20, 20), i => Assert.NotEqual(a[i], b[i]));

        var tree = await CliRunner.RunAsync(cwd, "runs", "tree", twig);
        Assert.True(tree.ExitCode == 0, tree.Stderr);
        var lines = tree.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith(parent, lines[0]);
        Assert.Contains($"└── {branchId}  @20  scripted:sycophantic", lines[1]);
        Assert.Contains($"    └── {twig}  @25", lines[2]);

        var bad = await CliRunner.RunAsync(cwd, "branch", parent, "--at", "41");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--at", bad.Stderr);
    }

    [Fact]
    public async Task Rescore_AppendsALayer_ContentHashUnchanged_ExportPicksIt()
    {
        var cwd = RepoPaths.TempFolder("cli-runs");
        var run = await RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:over-cautious", "--turns", "12", "--json");
        var id = run.GetProperty("runId").GetString()!;

        var rescored = await RunAsync(cwd, "replay", id, "--rescore", "--monitor", "offline", "--json");

        Assert.Equal(run.GetProperty("contentHash").GetString(), rescored.GetProperty("contentHash").GetString());
        Assert.Equal(["offline", "learned", "offline@rescore-1", "learned@rescore-1"], rescored.GetProperty("layers").EnumerateArray().Select(l => l.GetString()!));
        var export = await CliRunner.RunAsync(cwd, "export", id, "--format", "jsonl", "--layer", "rescore-1");
        Assert.Equal(12, export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var unknown = await CliRunner.RunAsync(cwd, "export", id, "--format", "jsonl", "--layer", "judge-v9");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("offline@rescore-1", unknown.Stderr);
    }

    private static async Task<JsonElement> RunAsync(string cwd, params string[] args)
    {
        var r = await CliRunner.RunAsync(cwd, args);
        Assert.True(r.ExitCode == 0, $"{string.Join(' ', args)}: exit {r.ExitCode}\n{r.Stderr}");
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    private static async Task<List<(string, string)>> ExportAsync(string cwd, string id)
    {
        var r = await CliRunner.RunAsync(cwd, "export", id, "--format", "jsonl");
        return [.. r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (e.GetProperty("patient").GetString()!, e.GetProperty("therapist").GetString()!))];
    }
}
