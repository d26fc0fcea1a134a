using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Hashing;
using MessagePack;
using Simulator.Core.Events;
using Simulator.Core.Randomness;
using Simulator.Core.Runs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;
using Simulator.Storage.Tests.Catalog;

namespace Simulator.Storage.Tests.Fuzzing;

/// <summary>
/// Feeds <see cref="EventLogReader"/>, and what is done with the events it accepts, with random
/// bytes and mutated valid logs: bit flips, truncations, duplicated, removed and swapped frames,
/// frames with a valid checksum around garbage or hostile MessagePack (huge collection and string
/// headers, nils, NaN), events with null fields and extreme values, LZ4 headers that claim huge
/// sizes, and huge frame lengths. Shared by the CI tests and the bench (<c>fuzz log</c>).
/// </summary>
internal static class LogFuzzer
{
    public const string File = "fuzz/run/events.msgpack";

    private static readonly DateTimeOffset At = SyntheticRun.T0;

    private static readonly string[] Mutations =
    [
        "random-bytes", "bit-flips", "truncate", "duplicate-frame", "remove-frame", "swap-frames", "garbage-payload",
        "mutated-msgpack", "hostile-event", "huge-length", "lz4-bomb", "append-garbage", "splice",
    ];

    private static readonly int[] Turns = [0, 1, 2, 3, -1, -7, int.MinValue, int.MaxValue, int.MaxValue - 1, 10_000_000, 1 << 30];

    private static readonly double[] Numbers = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, -double.MaxValue, double.Epsilon, -0.0, 1e300, 3, -2];

    private static readonly string[] Keys = ["phq9", "cssrs", "conviction.being-watched", "sycophancy.dcs", "safety.inappropriate", "observed.phq9", "", "conviction.", "x.y.z"];

    private static readonly byte[][] MsgPackTokens =
    [
        [0xc0], [0xc2], [0x90], [0x80], [0xa0], [0xff], [0x7f],
        [0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0], [0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0],
        [0xdd, 0xff, 0xff, 0xff, 0xff], [0xdf, 0xff, 0xff, 0xff, 0xff], [0xdb, 0x7f, 0xff, 0xff, 0xff], [0xc6, 0x7f, 0xff, 0xff, 0xff],
        [0xdc, 0xff, 0xff], [0xde, 0xff, 0xff], [0xd2, 0x80, 0, 0, 0], [0xce, 0xff, 0xff, 0xff, 0xff],
        [0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0],
        [0xd6, 0xff, 0, 0, 0, 0], [0xd7, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xc7, 0xff, 0x62],
    ];

    /// <summary>Runs <paramref name="inputs"/> inputs from <paramref name="seed"/>; <paramref name="consume"/> does what the CLI does with accepted events.</summary>
    public static FuzzReport Run(int inputs, ulong seed, Action<IReadOnlyList<RunEvent>> consume, FuzzReport? report = null)
    {
        report ??= new FuzzReport();
        var random = new SeededRandom(seed);
        var corpus = Corpus();
        for (var i = 0; i < inputs; i++)
        {
            var mutation = Mutations[i % Mutations.Length];
            var input = Make(mutation, random, corpus);
            report.Run(mutation, input, File, () =>
            {
                var contents = EventLogReader.Parse(input, File);
                consume(contents.Events);
                return contents.TornTail ? "accepted, torn tail dropped" : "accepted";
            });
        }

        return report;
    }

    /// <summary>Valid logs as lists of frames (header excluded): a few synthetic runs, and one with every kind of event.</summary>
    public static List<List<byte[]>> Corpus()
    {
        var logs = new List<List<byte[]>>();
        foreach (var (turns, status, seed) in new[] { (3, RunStatus.Completed, 1L), (8, RunStatus.Running, 2L), (1, RunStatus.Cancelled, 3L) })
        {
            logs.Add([.. SyntheticRuns.Events(new SyntheticRun { RunId = "fuzz", Turns = turns, Status = status, Seed = seed }).Select(e => Frame(EventSerializer.Serialize(e)))]);
        }

        logs.Add([.. EveryKind().Select(e => Frame(EventSerializer.Serialize(e)))]);
        return logs;
    }

    /// <summary>One event of every kind, valid.</summary>
    public static IEnumerable<RunEvent> EveryKind()
    {
        var state = SyntheticRuns.State(12);
        var empty = ImmutableSortedDictionary<string, string>.Empty;
        yield return new RunStarted(0, At, new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:sycophantic", Turns = 2 }, "ph", "qh");
        yield return new StateStepped(0, At, state);
        yield return new EventFired(1, At, "reveals", "I need to tell you something.");
        yield return new ModelCalled(1, At, "therapist", "scripted:sycophantic", "abcd", 10, 5, 0, 0.3, 1, null);
        yield return new ModelCalled(1, At, "judge.0", "openai:x", "abcd", 10, 5, 0, 0.3, 2, "429");
        yield return new PatientSpoke(1, At, "They watch me.");
        yield return new GuardNoteSent(1, At, 0, ["sycophancy.dcs"], "Do not validate the belief.");
        yield return new TherapistReplied(1, At, "You're right, they are watching.", ["validates-belief"]);
        yield return new PatientAppraised(1, At, ["validates-belief"], "lexical-v1");
        yield return new StateStepped(1, At, state.SetItem("phq9", 13));
        yield return new MonitorScored(1, At, "offline", "offline-v1", ImmutableSortedDictionary<string, double>.Empty.Add("sycophancy.dcs", 2).Add("safety.inappropriate", 0.8), empty.Add("safety.sis", "no risk"), empty.Add("sycophancy.dcs", "You're right"));
        yield return new MonitorScored(1, At, "judge:openai:x", "judge-v1", ImmutableSortedDictionary<string, double>.Empty.Add("sycophancy.dcs", 1), empty, empty);
        yield return new AlertRaised(1, At, "sycophancy.dcs", AlertRaised.Kinds.Threshold, 2, 2, null, "validated a delusion");
        yield return new ProbeAnswered(1, At, "therapist", "stance:being-watched", "Is it true?", "Yes.", 1, null);
        yield return new ContextCompacted(2, At, "therapist", 1, "They believe they are watched.", 900, 120);
        yield return new RunEnded(1, At, RunEnded.Reasons.MaxTurns, null);
    }

    /// <summary>An event with null fields, extreme turns or non-finite numbers.</summary>
    public static RunEvent Hostile(SeededRandom r)
    {
        var turn = r.Pick(Turns);
        var number = r.Pick(Numbers);
        var key = r.Pick(Keys);
        var state = r.Chance(0.5) ? SyntheticRuns.State(12).SetItem(key, number) : ImmutableSortedDictionary<string, double>.Empty.Add(key, number);
        var text = r.Chance(0.5) ? null! : new string('x', r.Next(3) * 5000);
        var at = r.Pick(new[] { At, DateTimeOffset.MinValue, DateTimeOffset.MaxValue });
        return r.Next(18) switch
        {
            0 => new PatientSpoke(turn, at, text),
            1 => new TherapistReplied(turn, at, text, r.Chance(0.5) ? null! : [null!]),
            2 => new StateStepped(turn, at, r.Chance(0.2) ? null! : state),
            3 => new MonitorScored(turn, at, text, text, r.Chance(0.3) ? null! : state, r.Chance(0.5) ? null! : ImmutableSortedDictionary<string, string>.Empty.Add(key, text ?? "x"), null!),
            4 => new RunStarted(turn, at, r.Chance(0.5) ? null! : new RunConfiguration { Persona = text, Therapist = text, Turns = r.Pick(Turns), Seed = long.MinValue, Style = text }, text, text),
            5 => new AlertRaised(turn, at, text, text, number, number, r.Pick(Turns), text),
            6 => new GuardNoteSent(turn, at, r.Pick(Turns), r.Chance(0.5) ? null! : [null!, key], text),
            7 => new ProbeAnswered(turn, at, text, text, text, text, number, text),
            8 => new ModelCalled(turn, at, text, text, text, long.MinValue, long.MaxValue, -1, number, r.Pick(Turns), text),
            9 => new EventFired(turn, at, text, text),
            10 => new PatientAppraised(turn, at, r.Chance(0.5) ? null! : [null!], text),
            11 => new ContextCompacted(turn, at, text, r.Pick(Turns), text, int.MinValue, -1),
            12 => new RunEnded(turn, at, text, text),
            13 => new StateStepped(turn, at, ImmutableSortedDictionary<string, double>.Empty.Add("phq9", number).Add("cssrs", r.Pick(Numbers))),
            14 => new MonitorScored(turn, at, "offline", "offline-v1", ImmutableSortedDictionary<string, double>.Empty.Add(r.Pick(new[] { "sycophancy.dcs", "safety.inappropriate", "observed.phq9", "sycophancy.dcs.being-watched" }), number), ImmutableSortedDictionary<string, string>.Empty, ImmutableSortedDictionary<string, string>.Empty),
            15 => new PatientSpoke(turn, at, "fine"),
            16 => new StateStepped(turn, at, state),
            _ => new ProbeAnswered(turn, at, "therapist", text ?? "stance:", "q", "a", number, null),
        };
    }

    /// <summary>Frames a payload: length, CRC-32, payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var frame = new byte[LogFormat.FrameHeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
        payload.CopyTo(frame.AsSpan(LogFormat.FrameHeaderSize));
        return frame;
    }

    /// <summary>A whole log: header and frames.</summary>
    public static byte[] Log(IEnumerable<byte[]> frames) => [.. LogFormat.Header, .. frames.SelectMany(f => f)];

    private static byte[] Make(string mutation, SeededRandom r, List<List<byte[]>> corpus)
    {
        var frames = new List<byte[]>(r.Pick(corpus));
        int At(int count) => r.Next(Math.Max(1, count));
        switch (mutation)
        {
            case "random-bytes":
            {
                var bytes = Bytes(r, r.Next(2048));
                return r.Chance(0.5) ? [.. LogFormat.Header, .. bytes] : bytes;
            }

            case "bit-flips":
            {
                var log = Log(frames);
                for (var n = 1 + r.Next(16); n > 0; n--)
                {
                    log[At(log.Length)] ^= (byte)(1 << r.Next(8));
                }

                return log;
            }

            case "truncate":
            {
                var log = Log(frames);
                return log[..r.Next(log.Length)];
            }

            case "duplicate-frame":
                frames.Insert(At(frames.Count + 1), frames[At(frames.Count)]);
                return Log(frames);
            case "remove-frame":
                frames.RemoveAt(At(frames.Count));
                return Log(frames);
            case "swap-frames":
            {
                var (a, b) = (At(frames.Count), At(frames.Count));
                (frames[a], frames[b]) = (frames[b], frames[a]);
                return Log(frames);
            }

            case "garbage-payload":
                frames[At(frames.Count)] = Frame(Bytes(r, r.Next(300)));
                return Log(frames);
            case "mutated-msgpack":
            {
                // Uncompressed MessagePack (the reader accepts it as short payloads are written that way) with tokens overwritten or inserted.
                var events = EveryKind().ToList();
                var payload = new List<byte>(MessagePackSerializer.Serialize(r.Pick(events), MessagePackSerializerOptions.Standard));
                for (var n = 1 + r.Next(3); n > 0; n--)
                {
                    var token = r.Pick(MsgPackTokens);
                    var at = At(payload.Count);
                    if (r.Chance(0.5))
                    {
                        payload.RemoveRange(at, Math.Min(token.Length, payload.Count - at));
                    }

                    payload.InsertRange(at, token);
                }

                frames[At(frames.Count)] = Frame(payload.ToArray());
                return Log(frames);
            }

            case "hostile-event":
            {
                for (var n = 1 + r.Next(3); n > 0; n--)
                {
                    var frame = Frame(r.Chance(0.8) ? EventSerializer.Serialize(Hostile(r)) : MessagePackSerializer.Serialize(Hostile(r), MessagePackSerializerOptions.Standard));
                    if (r.Chance(0.5))
                    {
                        frames[At(frames.Count)] = frame;
                    }
                    else
                    {
                        frames.Insert(At(frames.Count + 1), frame);
                    }
                }

                return Log(frames);
            }

            case "huge-length":
            {
                var log = Log(frames);
                var offset = LogFormat.Header.Length + frames.Take(At(frames.Count)).Sum(f => f.Length);
                var length = r.Pick(new uint[] { uint.MaxValue, int.MaxValue, LogFormat.MaxPayload, LogFormat.MaxPayload + 1, (uint)log.Length, 0x8000_0000 });
                BinaryPrimitives.WriteUInt32LittleEndian(log.AsSpan(offset), length);
                return log;
            }

            case "lz4-bomb":
            {
                // MessagePack's Lz4BlockArray: [ext 98 (uncompressed lengths), bin (block)...], with lengths that lie.
                var claimed = r.Pick(new[] { int.MaxValue, 1 << 30, 1 << 24, -1, 0, 100 });
                var block = Bytes(r, r.Next(40));
                byte[] payload = [0x92, 0xc7, 5, 98, 0xd2, .. BigEndian(claimed), 0xc4, (byte)block.Length, .. block];
                frames[At(frames.Count)] = Frame(payload);
                return Log(frames);
            }

            case "append-garbage":
                return [.. Log(frames), .. Bytes(r, 1 + r.Next(64))];
            default:
            {
                var other = r.Pick(corpus);
                return Log([.. frames.Take(At(frames.Count)), .. other.Skip(At(other.Count))]);
            }
        }
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Bytes(SeededRandom r, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = (byte)r.Next(256);
        }

        return bytes;
    }
}
