using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Simulator.FakeModelServer;

/// <summary>Writes compact JSON with relaxed escaping (apostrophes stay readable).</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string ToUtf8String(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(ToUtf8(write));

    /// <summary>Wraps a JSON payload as one server-sent event: <c>data: {json}\n\n</c>.</summary>
    public static byte[] SseEvent(byte[] json) => [.. "data: "u8, .. json, .. "\n\n"u8];

    /// <summary>Terminates a JSON payload as one NDJSON line.</summary>
    public static byte[] NdjsonLine(byte[] json) => [.. json, (byte)'\n'];
}
