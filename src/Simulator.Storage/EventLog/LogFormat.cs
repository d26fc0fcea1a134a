namespace Simulator.Storage.EventLog;

/// <summary>
/// The layout of <c>events.msgpack</c>: an 8-byte header, then frames of
/// [payload length: u32 LE][CRC-32 of payload: u32 LE][payload: one MessagePack event].
/// </summary>
public static class LogFormat
{
    /// <summary>The file header: format name and version.</summary>
    public static ReadOnlySpan<byte> Header => "SIMLOG01"u8;

    /// <summary>Bytes before each payload.</summary>
    public const int FrameHeaderSize = 8;

    /// <summary>The largest payload a reader accepts (a size limit for untrusted files).</summary>
    public const int MaxPayload = 16 * 1024 * 1024;

    /// <summary>
    /// The largest log a reader accepts (the whole file is read into memory). A 1,000-turn session
    /// with the monitor writes about 2 MiB, so this leaves room for sessions a hundred times longer.
    /// </summary>
    public const long MaxLogBytes = 256L * 1024 * 1024;
}
