using System.Buffers.Binary;
using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;
using Simulator.Storage.Tests.Catalog;

namespace Simulator.Storage.Tests.Damage;

/// <summary>
/// What must hold of any damaged log, whatever the damage: the strict reader accepts it or refuses it
/// as invalid input naming the file (never another exception); the salvaging reader never refuses it;
/// neither loses a completed turn written before the first damaged byte; damage that valid frames follow
/// is never passed off as a torn tail (an intact segment after it is read back whole); a damaged length
/// field loses nothing; and on disk, opening the log to append or rewriting it keeps the file as it
/// was in a backup first. Shared by the property tests and the bench (<c>fuzz damage</c>).
/// </summary>
internal static class DamageCheck
{
    /// <summary>A log of 300 turns (a turn's events per frame, its scores in another, several chains), and its frames.</summary>
    public static (byte[] Log, List<(int Offset, int Length)> Frames) Original { get; } = Build();

    /// <summary>Checks <paramref name="fault"/> applied to <see cref="Original"/>; returns the outcome class, throws <see cref="DamageViolation"/> when something is lost.</summary>
    public static string Check(LogFault fault, string scratch)
    {
        var (log, frames) = Original;
        var (damaged, at) = fault.Apply(log, frames);
        var path = Path.Combine(scratch, "events.msgpack");
        var before = CompletedBefore(log, frames, at);

        LogContents? strict = null;
        string outcome;
        try
        {
            strict = EventLogReader.Parse(damaged, path);
            outcome = strict.TornTail ? "accepted, torn tail dropped" : "accepted";
            Keeps(strict, before, fault, "the strict read");
        }
        catch (InvalidInputException ex) when (ex.File == path)
        {
            outcome = ex.Message.Contains("no event is lost", StringComparison.Ordinal) ? "refused: damage, every event readable" : "refused: damage";
        }
        catch (Exception ex) when (ex is not DamageViolation)
        {
            throw new DamageViolation(fault, $"the strict read threw {ex.GetType().Name}: {ex.Message}");
        }

        LogContents salvaged;
        try
        {
            salvaged = EventLogReader.Parse(damaged, path, salvage: true);
        }
        catch (Exception ex)
        {
            throw new DamageViolation(fault, $"the salvaging read threw {ex.GetType().Name}: {ex.Message}");
        }

        Keeps(salvaged, before, fault, "the salvaging read");
        if (strict is not null && salvaged.Damage.Count > 0)
        {
            throw new DamageViolation(fault, "the strict read accepted a log the salvaging read finds damaged");
        }

        IntactSegmentsAfter(log, frames, fault, damaged, at, salvaged, strict);
        if (fault.Kind == "length" && !salvaged.Events.Select(EventSerializer.Serialize).SequenceEqual(Read(log).Select(EventSerializer.Serialize), new BytesComparer()))
        {
            throw new DamageViolation(fault, "a damaged length field lost events: the frame's payload still checks");
        }

        OnDisk(damaged, path, strict, salvaged, before, fault);
        return outcome;
    }

    /// <summary>Every completed turn's events (the session's lane: messages, appraisal, state step) in the frames wholly before byte <paramref name="at"/>.</summary>
    private static Dictionary<int, List<byte[]>> CompletedBefore(byte[] log, List<(int Offset, int Length)> frames, int at)
    {
        var end = frames.Where(f => f.Offset + f.Length <= at).Select(f => f.Offset + f.Length).DefaultIfEmpty(8).Max();
        var events = Read(log[..end]);
        var completed = events.OfType<StateStepped>().Select(s => s.Turn).Where(t => t > 0).ToHashSet();
        return events.Where(e => e.Lane == 0 && completed.Contains(e.Turn))
            .GroupBy(e => e.Turn)
            .ToDictionary(g => g.Key, g => g.Select(EventSerializer.Serialize).ToList());
    }

    private static void Keeps(LogContents contents, Dictionary<int, List<byte[]>> before, LogFault fault, string reader)
    {
        var read = contents.Events.Where(e => before.ContainsKey(e.Turn) && e.Lane == 0).Select(EventSerializer.Serialize).ToHashSet(new BytesComparer());
        foreach (var (turn, events) in before)
        {
            if (!events.All(read.Contains))
            {
                throw new DamageViolation(fault, $"{reader} lost turn {turn}, completed before the damage");
            }
        }
    }

    /// <summary>A chain (segment) that starts after the damaged bytes and is untouched to its end is read back whole by the salvage, and the strict read refuses the log.</summary>
    private static void IntactSegmentsAfter(byte[] log, List<(int Offset, int Length)> frames, LogFault fault, byte[] damaged, int at, LogContents salvaged, LogContents? strict)
    {
        if (fault.Kind is not ("flip" or "length" or "zero-range" or "delete-frame"))
        {
            return; // the others move frames about or cut the end off: what follows is not an intact tail
        }

        // Bytes after the damage sit at the same offsets, shifted by the length a deletion took out.
        var shift = damaged.Length - log.Length;
        var lastTouched = fault.Kind == "zero-range" ? at + 1 + (fault.B % 2048) : fault.Kind == "delete-frame" ? at : at + 8;
        var starts = frames.Where(f => f.Offset > lastTouched && log[f.Offset + 8] == LogFormat.SegmentStart).ToList();
        if (starts.Count == 0)
        {
            return;
        }

        var segment = starts[0];
        var expected = Read([.. LogFormat.ChainedHeader, .. log[segment.Offset..]]).Select(EventSerializer.Serialize).ToHashSet(new BytesComparer());
        var got = salvaged.Events.Select(EventSerializer.Serialize).ToHashSet(new BytesComparer());
        if (!expected.All(got.Contains))
        {
            throw new DamageViolation(fault, $"the salvage missed events of the intact segment at byte {segment.Offset + shift}");
        }

        // A whole frame taken out at a chain's end leaves no damaged byte: the frame checks cannot see it (see RESULTS.md).
        if (strict is not null && fault.Kind != "delete-frame")
        {
            throw new DamageViolation(fault, "the strict read accepted a log with damage that valid frames follow");
        }
    }

    /// <summary>Appending to the damaged log (when it is accepted) and rewriting it with the salvage both keep the file as it was.</summary>
    private static void OnDisk(byte[] damaged, string path, LogContents? strict, LogContents salvaged, Dictionary<int, List<byte[]>> before, LogFault fault)
    {
        foreach (var old in Directory.EnumerateFiles(Path.GetDirectoryName(path)!))
        {
            File.Delete(old);
        }

        File.WriteAllBytes(path, damaged);
        if (strict is not null)
        {
            EventLogWriter.Open(path).DisposeAsync().AsTask().GetAwaiter().GetResult();

            var now = File.ReadAllBytes(path);
            if (!now.SequenceEqual(damaged) && !LogBackup.Of(path).Any(b => File.ReadAllBytes(b).SequenceEqual(damaged)))
            {
                throw new DamageViolation(fault, "opening the log to append changed it without keeping a backup");
            }

            File.WriteAllBytes(path, damaged);
        }

        var backup = EventLogWriter.RewriteAsync(path, salvaged.Events).GetAwaiter().GetResult();
        if (backup is null || !File.ReadAllBytes(backup).SequenceEqual(damaged))
        {
            throw new DamageViolation(fault, "the salvage rewrote the log without keeping the damaged file first");
        }

        Keeps(EventLogReader.Read(path), before, fault, "the log rewritten by the salvage");
    }

    private static List<RunEvent> Read(byte[] log) => [.. EventLogReader.Parse(log, "original", salvage: true).Events];

    private static (byte[], List<(int, int)>) Build()
    {
        var path = Path.Combine(Simulator.Tests.Shared.RepoPaths.TempFolder("damage-original"), "events.msgpack");
        var events = SyntheticRuns.Events(new SyntheticRun { RunId = "damage", Turns = 300, Seed = 21 }).ToList();
        Task.Run(async () =>
        {
            await using var writer = EventLogWriter.Open(path);
            foreach (var batch in events.GroupBy(e => (e.Turn, e.Lane)))
            {
                await writer.AppendAsync([.. batch], CancellationToken.None);
            }
        }).GetAwaiter().GetResult();
        var log = File.ReadAllBytes(path);
        var frames = new List<(int, int)>();
        for (var offset = 8; offset < log.Length;)
        {
            var length = 8 + (int)BinaryPrimitives.ReadUInt32LittleEndian(log.AsSpan(offset));
            frames.Add((offset, length));
            offset += length;
        }

        return (log, frames);
    }

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj)
        {
            var hash = new HashCode();
            hash.AddBytes(obj);
            return hash.ToHashCode();
        }
    }
}

/// <summary>A damaged log lost something it must keep, or a reader failed in a way it must not.</summary>
internal sealed class DamageViolation(LogFault fault, string what) : Exception($"{fault}: {what}")
{
    public LogFault Fault { get; } = fault;
}
