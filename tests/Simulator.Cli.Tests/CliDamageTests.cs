using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Simulator.Storage.Tests.Damage;
using Simulator.Tests.Shared;

namespace Simulator.Cli.Tests;

/// <summary>
/// Damaged logs of a real run through the real program (property-based: FsCheck picks the faults):
/// <c>runs show</c>, <c>export</c>, <c>runs list</c>, <c>replay</c>, <c>resume</c> and <c>resume --salvage</c>
/// exit 0 or 2 (replay 1 when the content changed), never with a stack trace; the damaged file is never
/// lost (still in place, or kept as a backup); an export never leaves out a turn completed before the
/// damage; and the run, resumed (with --salvage when it must be), ends with the content hash of the run
/// before it was damaged.
/// </summary>
public partial class CliDamageTests
{
    private static readonly Lazy<Task<(string Folder, string RunId, string Hash)>> Original = new(MakeOriginalAsync);

    [Property(MaxTest = 8, Arbitrary = [typeof(CliLogFaults)])]
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

        var list = await Command(cwd, [0], "runs", "list", "--json");
        Assert.Contains(runId, list.Stdout);
        await Command(cwd, [0, 1, 2], "replay", runId);
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

    /// <summary>How many turns were complete in the frames wholly before byte <paramref name="at"/>: the turn events come one frame per turn, in order.</summary>
    private static int CompletedBefore(byte[] log, int at)
    {
        // Counted with the program itself: the log cut at the last frame boundary before the damage, exported.
        var end = Frames(log).Where(f => f.Offset + f.Length <= at).Select(f => f.Offset + f.Length).DefaultIfEmpty(8).Max();
        var cwd = RepoPaths.TempFolder("cli-damage-prefix");
        var (source, runId, _) = Original.Value.Result;
        var folder = Path.Combine(cwd, "runs", runId);
        Copy(source, folder);
        File.WriteAllBytes(Path.Combine(folder, "events.msgpack"), log[..end]);
        var export = CliRunner.RunAsync(cwd, "export", runId, "--format", "jsonl").GetAwaiter().GetResult();
        return export.ExitCode != 0 ? 0 : export.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
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
        var run = await CliRunner.RunAsync(cwd, "run", "--persona", "persecutory-delusion", "--therapist", "scripted:sycophantic", "--turns", "150", "--seed", "3", "--json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var json = JsonDocument.Parse(run.Stdout).RootElement;
        return (json.GetProperty("path").GetString()!, json.GetProperty("runId").GetString()!, json.GetProperty("contentHash").GetString()!);
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}

/// <summary>FsCheck's generator of faults for the program-level damage tests.</summary>
public static class CliLogFaults
{
    public static Arbitrary<LogFault> Fault() =>
        (from kind in Gen.Elements(LogFault.Kinds)
         from a in Gen.Choose(0, 1_000_000)
         from b in Gen.Choose(0, 1_000_000)
         from c in Gen.Choose(0, 1_000_000)
         select new LogFault(kind, a, b, c)).ToArbitrary();
}
