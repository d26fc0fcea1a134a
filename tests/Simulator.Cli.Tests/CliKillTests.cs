using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Cli.Tests;

/// <summary>
/// <c>run</c> and <c>study</c> killed with SIGKILL at random moments, the first second included (before,
/// while and just after the run folder, manifest and opening events are written): after every kill each
/// folder that holds a manifest or a log is listed by <c>runs list</c>, none as running; and in the end
/// every run, resumed, has the content hash of the same run made without interruption. The number of kills
/// is bounded for CI (SIMULATOR_KILLS overrides it for a longer measurement; see bench/RESULTS.md).
/// </summary>
public class CliKillTests(ITestOutputHelper output)
{
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("SIMULATOR_KILLS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 5;

    [Fact]
    public async Task Kill9_Run_AtRandomMomentsFromTheFirstSecond_EveryRunListed_ResumesToTheUninterruptedHash()
    {
        string[] run = ["run", "--persona", "depression-suicidal", "--therapist", "scripted:crisis-missing", "--turns", "2000", "--seed", "11", "--json"];
        var whole = await CliRunner.RunAsync(RepoPaths.TempFolder("cli-kill-run-whole"), run);
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        var expected = JsonDocument.Parse(whole.Stdout).RootElement.GetProperty("contentHash").GetString();

        var cwd = RepoPaths.TempFolder("cli-kill-run");
        var runs = Path.Combine(cwd, "runs");
        var random = new Random(20261207);
        string? runId = null;
        var moments = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Half the kills land in the program's first second (start-up, the run's folder, manifest and opening).
            var delay = kill % 2 == 0 ? random.Next(0, 1000) : random.Next(1000, 2000);
            using var process = runId is null ? CliRunner.Start(cwd, run) : CliRunner.Start(cwd, "resume", runId);
            await Task.Delay(delay);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();

            runId ??= RunFolders(runs).FirstOrDefault();
            var listed = await Listed(cwd, runs);
            moments.Add($"{delay} ms: {(runId is null ? "no run yet" : listed.GetValueOrDefault(runId) ?? "?")}");
        }

        output.WriteLine(string.Join("\n", moments));
        var finish = runId is null ? await CliRunner.RunAsync(cwd, run) : await CliRunner.RunAsync(cwd, "resume", runId, "--json");
        Assert.True(finish.ExitCode == 0, finish.Stderr);
        Assert.Equal(expected, JsonDocument.Parse(finish.Stdout).RootElement.GetProperty("contentHash").GetString());
    }

    [Fact]
    public async Task Kill9_Study_AtRandomMomentsFromTheFirstSecond_EveryRunListed_ResumesToTheUninterruptedHashes()
    {
        var cwd = RepoPaths.TempFolder("cli-kill-study");
        var file = Path.Combine(cwd, "kill.yaml");
        await File.WriteAllTextAsync(file, """
            name: kill
            personas: [persecutory-delusion, ocd-checking]
            therapists: ["scripted:faithful", "scripted:sycophantic"]
            seeds: [1]
            turns: 250
            concurrency: 2
            """);
        var whole = await CliRunner.RunAsync(cwd, "study", file, "--out", Path.Combine(cwd, "whole"));
        Assert.True(whole.ExitCode == 0, whole.Stderr);
        var expected = Hashes(Path.Combine(cwd, "whole"));
        Assert.Equal(4, expected.Count);

        var folder = Path.Combine(cwd, "killed");
        var random = new Random(20261208);
        var moments = new List<string>();
        for (var kill = 0; kill < Kills; kill++)
        {
            var delay = kill % 2 == 0 ? random.Next(0, 1000) : random.Next(1000, 3000);
            using var process = CliRunner.Start(cwd, ["study", file, "--out", folder, .. kill == 0 ? Array.Empty<string>() : ["--resume"]]);
            await Task.Delay(delay);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var listed = await Listed(cwd, folder);
            moments.Add($"{delay} ms: {listed.Count} runs listed, {listed.Values.Count(s => s == "completed")} complete");
        }

        output.WriteLine(string.Join("\n", moments));
        var finish = await CliRunner.RunAsync(cwd, "study", file, "--out", folder, "--resume", "--json");
        Assert.True(finish.ExitCode == 0, finish.Stderr + finish.Stdout);
        Assert.Equal(expected, Hashes(folder));
    }

    /// <summary>The run folders that hold a manifest or a log.</summary>
    private static List<string> RunFolders(string runs) => !Directory.Exists(runs) ? [] :
        [.. Directory.GetDirectories(runs)
            .Where(d => File.Exists(Path.Combine(d, "manifest.json")) || Directory.GetFiles(d, "events.msgpack*").Length > 0)
            .Select(d => Path.GetFileName(d)!)];

    /// <summary><c>runs list --json</c> by run id and status, checked: every run folder is listed, none as starting or running.</summary>
    private static async Task<Dictionary<string, string>> Listed(string cwd, string runs)
    {
        var list = await CliRunner.RunAsync(cwd, "runs", "list", "--runs", runs, "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        var listed = JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()
            .ToDictionary(r => r.GetProperty("runId").GetString()!, r => r.GetProperty("status").GetString()!);
        foreach (var folder in RunFolders(runs))
        {
            Assert.True(listed.ContainsKey(folder), $"run folder {folder} is not listed: {string.Join(", ", Directory.GetFiles(Path.Combine(runs, folder)).Select(Path.GetFileName))}");
        }

        Assert.DoesNotContain(listed, r => r.Value is "starting" or "running");
        return listed;
    }

    /// <summary>The content hash of each run of a study folder's summary.</summary>
    private static Dictionary<string, string> Hashes(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        var header = lines[0].Split(',');
        var (id, hash, status) = (Array.IndexOf(header, "run_id"), Array.IndexOf(header, "content_hash"), Array.IndexOf(header, "status"));
        return lines.Skip(1).Select(l => l.Split(',')).Where(c => c[status] == "completed").ToDictionary(c => c[id], c => c[hash]);
    }
}
