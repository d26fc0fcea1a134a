using System.Text.Json;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// Runs left without a sound manifest or log, as users meet them: listed as orphaned or damaged (never
/// hidden, never "completed"), refused by the commands that read them with the way out named, and made
/// whole by <c>runs repair</c> (with <c>--salvage</c> for a damaged log), which keeps what it replaces.
/// </summary>
public class CliRepairTests
{
    [Fact]
    public async Task Orphaned_ThenDamaged_AreListedAsSuch_RepairAndSalvageMakeTheRunWhole_ToTheSameHash()
    {
        var (cwd, runId, hash) = await RunAsync();
        var folder = Path.Combine(cwd, "runs", runId);
        var manifest = Path.Combine(folder, "manifest.json");
        File.Delete(manifest);

        Assert.Equal("orphaned", await StatusAsync(cwd, runId));
        var show = await CliRunner.RunAsync(cwd, "runs", "show", runId);
        Assert.Equal(2, show.ExitCode);
        Assert.Contains($"simulator runs repair {runId}", show.Stderr, StringComparison.Ordinal);
        var repair = await CliRunner.RunAsync(cwd, "runs", "repair", runId);
        Assert.True(repair.ExitCode == 0, repair.Stderr);
        Assert.Contains("manifest.json was missing: rebuilt it from events.msgpack", repair.Stdout, StringComparison.Ordinal);
        Assert.Equal(hash, await HashAsync(cwd, runId));

        // A broken manifest, and the log left as an unfinished rewrite (by an earlier version killed between writing it and renaming it into place).
        await File.WriteAllTextAsync(manifest, "{ \"runId\": ");
        File.Move(Path.Combine(folder, "events.msgpack"), Path.Combine(folder, "events.msgpack.rewrite"));
        repair = await CliRunner.RunAsync(cwd, "runs", "repair", runId);
        Assert.True(repair.ExitCode == 0, repair.Stderr);
        Assert.Contains("moved events.msgpack.rewrite", repair.Stdout, StringComparison.Ordinal);
        Assert.Equal("{ \"runId\": ", await File.ReadAllTextAsync(manifest + ".bak-1"));
        Assert.Equal(hash, await HashAsync(cwd, runId));

        await MidFileDamage_IsListedDamaged_RepairNeedsSalvage_WhichKeepsTheOriginal_AndResumeRestoresTheRun(cwd, runId, hash);
    }

    /// <summary>The same run, its log then damaged in the middle.</summary>
    private static async Task MidFileDamage_IsListedDamaged_RepairNeedsSalvage_WhichKeepsTheOriginal_AndResumeRestoresTheRun(string cwd, string runId, string hash)
    {
        var log = Path.Combine(cwd, "runs", runId, "events.msgpack");
        var bytes = await File.ReadAllBytesAsync(log);
        var frames = CliDamageTests.Frames(bytes);
        var middle = frames[frames.Count / 2];
        bytes[middle.Offset + 12] ^= 0x20;
        await File.WriteAllBytesAsync(log, bytes);

        Assert.Equal("damaged", await StatusAsync(cwd, runId));
        var export = await CliRunner.RunAsync(cwd, "export", runId);
        Assert.Equal(2, export.ExitCode);
        Assert.Matches($"corrupt event log at byte {middle.Offset}: bytes {middle.Offset}\\.\\.\\d+ are damaged \\(checksum mismatch[^;]*\\); (turns \\d+\\.\\.\\d+ follow in readable frames|no readable turn follows)", export.Stderr);
        var refused = await CliRunner.RunAsync(cwd, "runs", "repair", runId);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(log));

        var salvaged = await CliRunner.RunAsync(cwd, "runs", "repair", runId, "--salvage");
        Assert.True(salvaged.ExitCode == 0, salvaged.Stderr);
        Assert.Matches("the original is kept as events\\.msgpack\\.bak-\\d+", salvaged.Stdout);
        var backup = LogBackupOf(log, bytes);
        Assert.NotNull(backup);
        Assert.Equal("interrupted", await StatusAsync(cwd, runId));

        var resume = await CliRunner.RunAsync(cwd, "resume", runId, "--json");
        Assert.True(resume.ExitCode == 0, resume.Stderr);
        Assert.Equal(hash, JsonDocument.Parse(resume.Stdout).RootElement.GetProperty("contentHash").GetString());
    }

    private static string? LogBackupOf(string log, byte[] bytes) =>
        Directory.GetFiles(Path.GetDirectoryName(log)!, "events.msgpack.bak-*").FirstOrDefault(b => File.ReadAllBytes(b).AsSpan().SequenceEqual(bytes));

    private static async Task<(string Cwd, string RunId, string Hash)> RunAsync()
    {
        var cwd = RepoPaths.TempFolder("cli-repair");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "ocd-checking", "--therapist", "scripted:over-cautious", "--turns", "60", "--seed", "5", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        return (cwd, json.GetProperty("runId").GetString()!, json.GetProperty("contentHash").GetString()!);
    }

    private static async Task<string> StatusAsync(string cwd, string runId)
    {
        var list = await CliRunner.RunAsync(cwd, "runs", "list", "--json");
        Assert.True(list.ExitCode == 0, list.Stderr);
        return JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("runId").GetString() == runId).GetProperty("status").GetString()!;
    }

    private static async Task<string> HashAsync(string cwd, string runId)
    {
        var show = await CliRunner.RunAsync(cwd, "runs", "show", runId, "--json");
        Assert.True(show.ExitCode == 0, show.Stderr);
        return JsonDocument.Parse(show.Stdout).RootElement.GetProperty("manifest").GetProperty("contentHash").GetString()!;
    }
}
