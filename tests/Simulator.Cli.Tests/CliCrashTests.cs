using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// Crash safety as users meet it: the simulator process killed with SIGKILL at random moments of a
/// long session, each time the log still opens and <c>resume</c> carries on; in the end every turn
/// is in the export exactly once.
/// </summary>
public class CliCrashTests
{
    [Fact]
    public async Task Kill9_AtFiveRandomMoments_EachTimeTheLogOpens_ResumeFinishes_EveryTurnOnce()
    {
        const int turns = 3000;
        var cwd = RepoPaths.TempFolder("cli-kill");
        var runs = Path.Combine(cwd, "runs");
        var random = new Random(20261123);
        string? runId = null;
        var killedAt = new List<int>();
        for (var kill = 0; kill < 5; kill++)
        {
            using var process = runId is null
                ? CliRunner.Start(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", $"{turns}", "--seed", "7")
                : CliRunner.Start(cwd, "resume", runId);
            runId ??= await FolderOfNewRunAsync(runs);
            var before = killedAt.LastOrDefault();
            var log = Path.Combine(runs, runId, "events.msgpack");
            var size = File.Exists(log) ? new FileInfo(log).Length : 0;

            // A random moment once the process has written turns of its own (a turn is about 1.8 KB of log).
            await WaitForAsync(() => Task.FromResult(File.Exists(log) && new FileInfo(log).Length > size + 4096));
            await Task.Delay(random.Next(50, 1500));
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            var show = await CliRunner.RunAsync(cwd, "runs", "show", runId, "--json");
            Assert.True(show.ExitCode == 0, $"after kill {kill + 1} the log did not open: {show.Stderr}");
            var completed = JsonDocument.Parse(show.Stdout).RootElement.GetProperty("completedTurns").GetInt32();
            Assert.InRange(completed, before, turns);
            killedAt.Add(completed);
        }

        var finish = await CliRunner.RunAsync(cwd, "resume", runId!, "--json");
        Assert.True(finish.ExitCode == 0, finish.Stderr);
        Assert.Equal(turns, JsonDocument.Parse(finish.Stdout).RootElement.GetProperty("turns").GetInt32());
        Assert.True(killedAt.Distinct().Count() > 1 && killedAt.Max() < turns, $"the kills landed at turns {string.Join(", ", killedAt)}");

        var export = await CliRunner.RunAsync(cwd, "export", runId!, "--format", "jsonl");
        Assert.True(export.ExitCode == 0, export.Stderr);
        var exported = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("turn").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, turns), exported);
    }

    private static async Task<string> FolderOfNewRunAsync(string runs)
    {
        string? found = null;
        await WaitForAsync(() => Task.FromResult((found = Directory.Exists(runs)
            ? Directory.GetDirectories(runs).Select(Path.GetFileName).FirstOrDefault(d => File.Exists(Path.Combine(runs, d!, "manifest.json")))
            : null) is not null));
        return found!;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(2), "timed out waiting for the simulator");
            await Task.Delay(100);
        }
    }
}
