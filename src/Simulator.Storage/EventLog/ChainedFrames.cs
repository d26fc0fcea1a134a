using System.Buffers;
using System.Buffers.Binary;
using K4os.Compression.LZ4;
using K4os.Compression.LZ4.Encoders;
using MessagePack;
using Simulator.Core.Events;

namespace Simulator.Storage.EventLog;

/// <summary>
/// The payloads of a chained log (<see cref="LogFormat.ChainedHeader"/>): a writer's batches of
/// events compressed as one LZ4 chain, and read back in order. One encoder per writer, one decoder
/// per read; neither is thread-safe. Each holds about 150 KiB of unmanaged buffers until disposed.
/// </summary>
internal static class ChainedFrames
{
    /// <summary>Events as they are chained: uncompressed MessagePack (the chain compresses them).</summary>
    public static MessagePackSerializerOptions Plain { get; } = EventSerializer.Options.WithCompression(MessagePackCompression.None);

    /// <summary>Compresses batches of events into the payloads of successive frames.</summary>
    public sealed class Encoder : IDisposable
    {
        private readonly ArrayBufferWriter<byte> _raw = new(256);
        private ILZ4Encoder? _chain;
        private long _segmentRaw;

        /// <summary>Uncompressed bytes waiting for <see cref="Payload"/>.</summary>
        public int Pending => _raw.WrittenCount;

        /// <summary>Adds an event to the next payload.</summary>
        public void Add(RunEvent e)
        {
            var writer = new MessagePackWriter(_raw);
            MessagePackSerializer.Serialize(ref writer, e, Plain);
            writer.Flush();
        }

        /// <summary>The payload of the events added since the last one (the first starts the chain).</summary>
        public byte[] Payload()
        {
            if (_chain is not null && _segmentRaw >= LogFormat.SegmentBytes)
            {
                // A new chain now and then: damage to one frame loses at most the rest of its segment.
                _chain.Dispose();
                _chain = null;
            }

            var kind = _chain is null ? LogFormat.SegmentStart : LogFormat.SegmentContinues;
            _segmentRaw = kind == LogFormat.SegmentStart ? 0 : _segmentRaw;
            _segmentRaw += _raw.WrittenCount;
            _chain ??= LZ4Encoder.Create(chaining: true, LZ4Level.L00_FAST, LogFormat.BlockSize);
            using var payload = new MemoryStream(1 + (_raw.WrittenCount / 2));
            payload.WriteByte(kind);
            Span<byte> lengths = stackalloc byte[8];
            var raw = _raw.WrittenSpan;

            // Rented per payload, not held: a session waiting on a model keeps no block buffer.
            var block = ArrayPool<byte>.Shared.Rent(LZ4Codec.MaximumOutputSize(Math.Min(raw.Length, LogFormat.BlockSize)));
            try
            {
                while (raw.Length > 0)
                {
                    var action = _chain.TopupAndEncode(raw, block, forceEncode: true, allowCopy: false, out var loaded, out var encoded);
                    if (action != EncoderAction.Encoded || loaded <= 0)
                    {
                        throw new InvalidOperationException($"LZ4 chain encoder: {action} after loading {loaded} bytes");
                    }

                    BinaryPrimitives.WriteUInt32LittleEndian(lengths, (uint)loaded);
                    BinaryPrimitives.WriteUInt32LittleEndian(lengths[4..], (uint)encoded);
                    payload.Write(lengths);
                    payload.Write(block, 0, encoded);
                    raw = raw[loaded..];
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block);
            }

            _raw.ResetWrittenCount();
            return payload.ToArray();
        }

        /// <inheritdoc/>
        public void Dispose() => _chain?.Dispose();
    }

    /// <summary>Reads the events of successive payloads of one log.</summary>
    public sealed class Decoder : IDisposable
    {
        private readonly byte[] _block = new byte[LogFormat.BlockSize];
        private readonly ArrayBufferWriter<byte> _raw = new();
        private ILZ4Decoder? _chain;

        /// <summary>The events of <paramref name="payload"/>; throws <see cref="InvalidDataException"/> on anything malformed.</summary>
        public List<RunEvent> Events(ReadOnlySpan<byte> payload)
        {
            if (payload.Length == 0 || payload[0] is not (LogFormat.SegmentStart or LogFormat.SegmentContinues))
            {
                throw new InvalidDataException("the frame is not a chained batch");
            }

            if (payload[0] == LogFormat.SegmentStart)
            {
                _chain?.Dispose();
                _chain = LZ4Decoder.Create(chaining: true, LogFormat.BlockSize);
            }
            else if (_chain is null)
            {
                throw new InvalidDataException("the frame continues a chain that never started");
            }

            _raw.ResetWrittenCount();
            var rest = payload[1..];
            while (rest.Length > 0)
            {
                if (rest.Length < 8)
                {
                    throw new InvalidDataException("a block header is cut short");
                }

                var rawLength = BinaryPrimitives.ReadUInt32LittleEndian(rest);
                var encodedLength = BinaryPrimitives.ReadUInt32LittleEndian(rest[4..]);
                if (rawLength is 0 or > LogFormat.BlockSize || encodedLength > rest.Length - 8 || encodedLength == 0)
                {
                    throw new InvalidDataException($"a block claims {rawLength} bytes from {encodedLength}");
                }

                _chain.DecodeAndDrain(rest.Slice(8, (int)encodedLength), _block, out var decoded);
                if (decoded != rawLength)
                {
                    throw new InvalidDataException($"a block decoded to {decoded} bytes where it claims {rawLength}");
                }

                _raw.Write(_block.AsSpan(0, decoded));
                rest = rest[(8 + (int)encodedLength)..];
            }

            var events = new List<RunEvent>();
            var reader = new MessagePackReader(_raw.WrittenMemory);
            while (!reader.End)
            {
                events.Add(MessagePackSerializer.Deserialize<RunEvent>(ref reader, Plain) ?? throw new InvalidDataException("the frame holds a nil event"));
            }

            return events.Count > 0 ? events : throw new InvalidDataException("the frame holds no event");
        }

        /// <inheritdoc/>
        public void Dispose() => _chain?.Dispose();
    }
}
