using System.Globalization;
using System.Text.Json;

namespace Simulator.FakeModelServer;

/// <summary>Ollama <c>/api/chat</c> bodies (one object or NDJSON pieces) and the metadata endpoints.</summary>
internal static class OllamaBodies
{
    public static byte[] Whole(Completion c, TimeSpan duration) =>
        JsonText.ToUtf8(w => Final(w, c, Text(c), duration));

    public static IReadOnlyList<byte[]> StreamLines(Completion c, TimeSpan duration)
    {
        var lines = new List<byte[]>();
        foreach (var piece in TextPieces.Split(Text(c)))
        {
            lines.Add(JsonText.NdjsonLine(JsonText.ToUtf8(w =>
            {
                w.WriteStartObject();
                Head(w, c, piece);
                w.WriteBoolean("done", false);
                w.WriteEndObject();
            })));
        }

        lines.Add(JsonText.NdjsonLine(JsonText.ToUtf8(w => Final(w, c, string.Empty, duration))));
        return lines;
    }

    public static byte[] Tags() =>
        JsonText.ToUtf8(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("models");
            w.WriteStartObject();
            w.WriteString("name", CompletionFactory.DefaultModel);
            w.WriteString("model", CompletionFactory.DefaultModel);
            w.WriteNumber("size", 0);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static byte[] Version() =>
        JsonText.ToUtf8(w =>
        {
            w.WriteStartObject();
            w.WriteString("version", "0.6.0");
            w.WriteEndObject();
        });

    /// <summary>Ollama has no refusal field: a refusal is the message content.</summary>
    private static string Text(Completion c) => c.Content ?? c.Refusal ?? string.Empty;

    private static void Head(Utf8JsonWriter w, Completion c, string content)
    {
        w.WriteString("model", c.Model);
        w.WriteString("created_at", c.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", content);
        w.WriteEndObject();
    }

    private static void Final(Utf8JsonWriter w, Completion c, string content, TimeSpan duration)
    {
        var nanos = Math.Max(1L, duration.Ticks) * 100;
        w.WriteStartObject();
        Head(w, c, content);
        w.WriteBoolean("done", true);
        w.WriteString("done_reason", c.FinishReason);
        w.WriteNumber("total_duration", nanos);
        w.WriteNumber("load_duration", 0);
        w.WriteNumber("prompt_eval_count", c.PromptTokens);
        w.WriteNumber("prompt_eval_duration", nanos / 2);
        w.WriteNumber("eval_count", c.CompletionTokens);
        w.WriteNumber("eval_duration", nanos / 2);
        w.WriteEndObject();
    }
}
