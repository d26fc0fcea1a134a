using System.Buffers.Binary;
using System.IO.Hashing;
using MessagePack;
using Simulator.Core.Events;
using Simulator.Core.Validation;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Walks a log's frames. A frame that does not check (its length runs past the file, is 0 or over
/// the limit, or its CRC fails) starts a search for the next frame that does (plausible length,
/// segment marker, CRC): none means a torn tail; one means damage, unless the bad frame's payload
/// checks with the length up to it (only the length field was hit: the frame is read whole). A frame
/// that checks but does not decode, and chained frames that continue a chain broken by damage, are
/// damage too. Frames before the first damage are read exactly as a sound log's.
/// </summary>
internal static class LogScanner
{
    /// <summary>The CRC work a resynchronising search may do, in multiples of the file's length (a bound for hostile files).</summary>
    private const int SearchBudget = 16;

    public static LogContents Scan(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < LogFormat.Header.Length)
        {
            // A crash before the header was complete leaves a log with no events.
            return bytes.SequenceEqual(LogFormat.Header[..bytes.Length]) || bytes.SequenceEqual(LogFormat.ChainedHeader[..bytes.Length])
                ? new LogContents([], 0, bytes.Length > 0) { Length = bytes.Length }
                : throw new InvalidInputException("not a simulator event log (bad header)", path, field: "header");
        }

        var chained = bytes[..LogFormat.Header.Length].SequenceEqual(LogFormat.ChainedHeader);
        if (!chained && !bytes[..LogFormat.Header.Length].SequenceEqual(LogFormat.Header))
        {
            throw new InvalidInputException("not a simulator event log (bad header)", path, field: "header");
        }

        using var chain = chained ? new ChainedFrames.Decoder() : null;
        var state = new ScanState(bytes.Length, chained);
        var budget = ((long)SearchBudget * bytes.Length) + (1 << 20);
        var offset = LogFormat.Header.Length;
        while (offset < bytes.Length)
        {
            var (end, problem) = Check(bytes, offset);
            if (problem is not null)
            {
                var sync = FindSync(bytes, offset + 1, chained, ref budget);
                if (sync < 0 && !(bytes.Length - offset > LogFormat.FrameHeaderSize && LengthOnly(bytes, offset, bytes.Length)))
                {
                    return state.Contents(offset, tornTail: true);
                }

                // The last frame's payload may check with the length up to the end of the file: only its length field was hit.
                sync = sync < 0 ? bytes.Length : sync;

                var repaired = LengthOnly(bytes, offset, sync) ? Decode(chain, bytes[(offset + LogFormat.FrameHeaderSize)..sync]) : default;
                if (repaired.Events is { } whole)
                {
                    state.Recovered(offset, sync, problem, whole);
                }
                else
                {
                    state.Damaged(offset, sync, problem, unreadable: false, chainIntact: repaired.Decoded);
                }

                offset = sync;
                continue;
            }

            var payload = bytes[(offset + LogFormat.FrameHeaderSize)..end];
            if (chained && payload[0] == LogFormat.SegmentContinues && !state.ChainIntact)
            {
                state.Damaged(offset, end, "a frame continues a compression chain broken by the damage before it", unreadable: true, chainIntact: false);
            }
            else if (Decode(chain, payload) is var decoded && decoded.Events is { } events)
            {
                state.Read(offset, events);
            }
            else
            {
                // A frame that decoded but holds an unsound event keeps the chain: the frames after it still read.
                state.Damaged(offset, end, decoded.Problem!, unreadable: false, chainIntact: decoded.Decoded);
            }

            offset = end;
        }

        return state.Contents(offset, tornTail: false);
    }

    /// <summary>Where the frame at <paramref name="offset"/> ends, or why it does not check.</summary>
    private static (int End, string? Problem) Check(ReadOnlySpan<byte> bytes, int offset)
    {
        if (bytes.Length - offset < LogFormat.FrameHeaderSize)
        {
            return (0, "a frame header is cut short");
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[offset..]);
        if (length == 0 || length > LogFormat.MaxPayload)
        {
            return (0, $"frame length {length} is out of range 1..{LogFormat.MaxPayload}");
        }

        var end = (long)offset + LogFormat.FrameHeaderSize + length;
        if (end > bytes.Length)
        {
            return (0, $"frame length {length} runs past the end of the file");
        }

        var crc = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
        return Crc32.HashToUInt32(bytes[(offset + LogFormat.FrameHeaderSize)..(int)end]) == crc
            ? ((int)end, null)
            : (0, "checksum mismatch");
    }

    /// <summary>The next offset from <paramref name="from"/> where a frame checks, or -1 (none, or the search budget spent).</summary>
    private static int FindSync(ReadOnlySpan<byte> bytes, int from, bool chained, ref long budget)
    {
        for (var p = from; p + LogFormat.FrameHeaderSize < bytes.Length; p++)
        {
            var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[p..]);
            if (length == 0 || length > LogFormat.MaxPayload || p + LogFormat.FrameHeaderSize + (long)length > bytes.Length)
            {
                continue;
            }

            var first = bytes[p + LogFormat.FrameHeaderSize];
            if (chained ? first is not (LogFormat.SegmentStart or LogFormat.SegmentContinues) : first is not (>= 0x90 and <= 0x9f or 0xdc or 0xdd))
            {
                continue;
            }

            budget -= length;
            if (budget < 0)
            {
                return -1;
            }

            var payload = bytes.Slice(p + LogFormat.FrameHeaderSize, (int)length);
            if (Crc32.HashToUInt32(payload) == BinaryPrimitives.ReadUInt32LittleEndian(bytes[(p + 4)..]))
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>True when the frame at <paramref name="offset"/> checks with the length up to <paramref name="sync"/>: only its length field was damaged.</summary>
    private static bool LengthOnly(ReadOnlySpan<byte> bytes, int offset, int sync)
    {
        var length = sync - offset - LogFormat.FrameHeaderSize;
        return length is >= 1 and <= LogFormat.MaxPayload
            && Crc32.HashToUInt32(bytes[(offset + LogFormat.FrameHeaderSize)..sync]) == BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
    }

    /// <summary>The sound events of a payload, or why there are none, and whether it decoded at all (the chain goes on).</summary>
    private static (List<RunEvent>? Events, string? Problem, bool Decoded) Decode(ChainedFrames.Decoder? chain, ReadOnlySpan<byte> payload)
    {
        List<RunEvent> events;
        try
        {
            events = chain is null ? [EventSerializer.Deserialize(payload.ToArray())] : chain.Events(payload);
        }
        catch (MessagePackSerializationException) when (chain is null)
        {
            return (null, "the frame does not hold a run event", false);
        }
        catch (Exception ex) when (chain is not null && ex is MessagePackSerializationException or InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // Whatever the LZ4 decoder or MessagePack make of damaged bytes, it is a damaged frame.
            return (null, "the frame does not hold a batch of run events", false);
        }

        foreach (var e in events)
        {
            if (EventRules.Check(e) is { } problem)
            {
                return (null, $"{e.GetType().Name} {problem}", true);
            }
        }

        return (events, null, true);
    }

    /// <summary>What a scan has found so far.</summary>
    private sealed class ScanState(long length, bool chained)
    {
        private readonly List<RunEvent> _events = [];
        private readonly List<LogDamage> _damage = [];
        private readonly List<int> _eventsAfter = [];
        private LogDamage? _open;

        /// <summary>True when the last chained frame decoded, so a frame continuing its chain can be read.</summary>
        public bool ChainIntact { get; private set; }

        public void Read(int offset, List<RunEvent> events)
        {
            Close(offset);
            _events.AddRange(events);
            ChainIntact = true;
        }

        public void Recovered(int offset, int end, string problem, List<RunEvent> events)
        {
            Close(offset);
            _damage.Add(new LogDamage(offset, end, problem, 0, Recovered: true));
            _eventsAfter.Add(_events.Count);
            _events.AddRange(events);
            ChainIntact = true;
        }

        public void Damaged(int offset, int end, string problem, bool unreadable, bool chainIntact)
        {
            _open = _open is null
                ? new LogDamage(offset, end, problem, unreadable ? 1 : 0, Recovered: false)
                : _open with { End = end, UnreadableFrames = _open.UnreadableFrames + (unreadable ? 1 : 0) };
            ChainIntact = !chained || chainIntact;
        }

        public LogContents Contents(int validLength, bool tornTail)
        {
            if (_open is not null && !tornTail)
            {
                Close(validLength);
            }
            else if (_open is not null)
            {
                // Damage, then frames that check but cannot be read, then a torn tail: all of it is damage.
                _open = _open with { End = length };
                Close((int)length);
            }

            var damage = _damage.Select((d, i) => d with { TurnsAfter = TurnsFrom(_eventsAfter[i]) }).ToList();
            return new LogContents(_events, validLength, tornTail)
            {
                SelfContainedFrames = !chained,
                Damage = damage,
                Length = length,
            };
        }

        private void Close(int offset)
        {
            if (_open is { } open)
            {
                _damage.Add(open with { End = offset });
                _eventsAfter.Add(_events.Count);
                _open = null;
            }
        }

        private (int, int)? TurnsFrom(int index)
        {
            if (index >= _events.Count)
            {
                return null;
            }

            var turns = _events.Skip(index).Select(e => e.Turn).Where(t => t > 0).ToList();
            return turns.Count == 0 ? null : (turns.Min(), turns.Max());
        }
    }
}
