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
}
