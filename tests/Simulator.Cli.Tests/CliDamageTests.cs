using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Xunit;
using Simulator.Storage.Tests.Damage;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// Damaged logs of a real run through the real program (property-based: FsCheck picks the faults):
/// <c>runs show</c>, <c>export</c>, <c>resume</c> and <c>resume --salvage</c> exit 0 or 2, never with a stack trace
/// (the bench runs thousands of faults through the same checks in process); the damaged file is never
/// lost (still in place, or kept as a backup); an export never leaves out a turn completed before the
/// damage; and the run, resumed (with --salvage when it must be), ends with the content hash of the run
/// before it was damaged.
/// </summary>
public partial class CliDamageTests
{
    private static readonly Lazy<Task<(string Folder, string RunId, string Hash)>> Original = new(MakeOriginalAsync);

    [Property(MaxTest = 4, Arbitrary = [typeof(LogFaults)])]
    public async Task DamagedLog_EveryCommandExits0Or2_NothingLost_ResumeReachesTheOriginalContent(LogFault fault)
    {
        var (source, runId, hash) = await Original.Value;
        var cwd = RepoPaths.TempFolder("cli-damage");
        var folder = Path.Combine(cwd, "runs", runId);
        Copy(source, folder);
        var log = await File.ReadAllBytesAsync(Path.Combine(folder, "events.msgpack"));
        var (damaged, at) = fault.Apply(log, Frames(log));
        await File.WriteAllBytesAsync(Path.Combine(folder, "events.msgpack"), damaged);
        var before = CompletedBefore(log, at);

        var show = await Command(cwd, [0, 2], "runs", "show", runId, "--json");
        var export = await Command(cwd, [0, 2], "export", runId, "--format", "jsonl");
        if (export.ExitCode == 0)
        {
            var turns = export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("turn").GetInt32()).ToHashSet();
            Assert.True(Enumerable.Range(1, before).All(turns.Contains), $"{fault}: the export left out a turn completed before the damage");
        }
        else
        {
            Assert.Equal(2, show.ExitCode);
            Assert.Matches("corrupt event log at byte \\d+|not a simulator event log", export.Stderr);
        }

        var resume = await Command(cwd, [0, 2], "resume", runId, "--json");
        if (resume.ExitCode == 2)
        {
            Assert.Contains("--salvage", resume.Stderr);
            resume = await Command(cwd, [0], "resume", runId, "--salvage", "--json");
        }

        Assert.Equal(hash, JsonDocument.Parse(resume.Stdout).RootElement.GetProperty("contentHash").GetString());
        var kept = Directory.GetFiles(folder, "events.msgpack*").Select(File.ReadAllBytes);
        Assert.True(kept.Any(k => k.AsSpan().SequenceEqual(damaged)), $"{fault}: the damaged log was rewritten without a backup");
    }

    /// <summary>Runs a command that must exit with one of <paramref name="allowed"/> and print no stack trace.</summary>
    internal static async Task<CliRunner.Result> Command(string cwd, int[] allowed, params string[] args)
    {
        var result = await CliRunner.RunAsync(cwd, args);
        Assert.True(allowed.Contains(result.ExitCode), $"{string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        Assert.DoesNotMatch(StackFrame(), result.Stderr);
        return result;
    }

    /// <summary>The frames of a log: offset and whole length (header and payload).</summary>
    internal static List<(int Offset, int Length)> Frames(byte[] log)
    {
        var frames = new List<(int, int)>();
        for (var offset = 8; offset + 8 <= log.Length;)
        {
            var length = 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(log.AsSpan(offset));
            frames.Add((offset, length));
            offset += length;
        }

        return frames;
    }

    /// <summary>How many turns, from the first, were complete in the frames wholly before byte <paramref name="at"/>.</summary>
    private static int CompletedBefore(byte[] log, int at)
    {
        var end = Frames(log).Where(f => f.Offset + f.Length <= at).Select(f => f.Offset + f.Length).DefaultIfEmpty(8).Max();
        var steps = Storage.EventLog.EventLogReader.Parse(log.AsSpan(0, end), "prefix").Events.OfType<Core.Events.StateStepped>().Select(s => s.Turn).ToHashSet();
        var turns = 0;
        while (steps.Contains(turns + 1))
        {
            turns++;
        }

        return turns;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => Path.GetFileName(f) != "run.lock"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static async Task<(string, string, string)> MakeOriginalAsync()
    {
        var cwd = RepoPaths.TempFolder("cli-damage-original");
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "100", "--seed", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        return (json.GetProperty("path").GetString()!, json.GetProperty("runId").GetString()!, json.GetProperty("contentHash").GetString()!);
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
