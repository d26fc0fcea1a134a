namespace Simulator.Storage.EventLog;

/// <summary>
/// The layout of <c>events.msgpack</c>: an 8-byte header, then frames of
/// [payload length: u32 LE][CRC-32 of payload: u32 LE][payload]. Two formats, told apart by the header:
/// <list type="bullet">
/// <item><see cref="Header"/> (<c>SIMLOG01</c>): each payload is one MessagePack event, LZ4-compressed on
/// its own (<see cref="EventSerializer.Options"/>). Written until issue 8; still read, and appended to as it is.</item>
/// <item><see cref="ChainedHeader"/> (<c>SIMLOG02</c>): each payload holds one or more events (a flush's
/// batch: a turn's events, or a turn's scores and alerts) as uncompressed MessagePack one after another,
/// LZ4-compressed as blocks of one chain, so each frame refers back to what earlier frames said
/// (metric names, reasons, state variables, lines a scripted speaker repeats) instead of
/// repeating it. The payload starts with <see cref="SegmentStart"/> or <see cref="SegmentContinues"/>;
/// a chain (a segment) starts at the first frame each writer writes, so appending to a log never
/// needs the compressor's earlier state, and a writer starts a new one every <see cref="SegmentBytes"/>. Blocks are [raw length: u32 LE][compressed length: u32 LE][LZ4 block].</item>
/// </list>
/// </summary>
public static class LogFormat
{
    /// <summary>The header of logs with one self-contained event per frame.</summary>
    public static ReadOnlySpan<byte> Header => "SIMLOG01"u8;

    /// <summary>The header of logs whose frames are chained, compressed batches (new logs).</summary>
    public static ReadOnlySpan<byte> ChainedHeader => "SIMLOG02"u8;

    /// <summary>Bytes before each payload.</summary>
    public const int FrameHeaderSize = 8;

    /// <summary>The largest payload a reader accepts (a size limit for untrusted files).</summary>
    public const int MaxPayload = 16 * 1024 * 1024;

    /// <summary>
    /// The largest log a reader accepts (the whole file is read into memory). A 1,000-turn session
    /// with the monitor writes about 2 MiB, so this leaves room for sessions a hundred times longer.
    /// </summary>
    public const long MaxLogBytes = 256L * 1024 * 1024;

    /// <summary>A chained frame that starts a new chain: it refers to nothing before it.</summary>
    public const byte SegmentStart = 1;

    /// <summary>A chained frame that goes on from the frame before it.</summary>
    public const byte SegmentContinues = 2;

    /// <summary>
    /// The uncompressed bytes after which a writer starts a new chain (segment) at its next frame, so
    /// that damage to one frame loses at most the rest of its segment: the frames after it that
    /// continue its chain cannot be decoded without it. About 20 turns of a session with its monitor.
    /// </summary>
    public const int SegmentBytes = 64 * 1024;

    /// <summary>The most uncompressed bytes in one block of a chained frame (LZ4 looks back 64 KiB besides).</summary>
    public const int BlockSize = 64 * 1024;

    /// <summary>
    /// The uncompressed bytes past which a writer closes a chained frame and starts another: a batch that
    /// piled up while the writer fell behind is split, so one damaged frame loses a few turns, not a hundred.
    /// </summary>
    public const int MaxBatchBytes = 16 * 1024;
}
