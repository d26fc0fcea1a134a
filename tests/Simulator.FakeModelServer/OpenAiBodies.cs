using System.Text.Json;

namespace Simulator.FakeModelServer;

/// <summary>OpenAI chat completion bodies: one JSON object, or server-sent chunk events.</summary>
internal static class OpenAiBodies
{
    private const string Fingerprint = "fp_fake";

    public static byte[] Completion(Completion c) =>
        JsonText.ToUtf8(w =>
        {
            w.WriteStartObject();
            Header(w, c, "chat.completion");
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("message");
            w.WriteString("role", "assistant");
            StringOrNull(w, "content", c.Content);
            StringOrNull(w, "refusal", c.Refusal);
            w.WriteEndObject();
            w.WriteNull("logprobs");
            w.WriteString("finish_reason", c.FinishReason);
            w.WriteEndObject();
            w.WriteEndArray();
            Usage(w, c);
            w.WriteEndObject();
        });

    public static IReadOnlyList<byte[]> StreamEvents(Completion c, bool includeUsage)
    {
        var events = new List<byte[]> { Chunk(c, role: true, content: c.Content is null ? null : string.Empty, refusal: null, finish: null) };
        foreach (var piece in TextPieces.Split(c.Content ?? string.Empty))
        {
            events.Add(Chunk(c, role: false, content: piece, refusal: null, finish: null));
        }

        foreach (var piece in TextPieces.Split(c.Refusal ?? string.Empty))
        {
            events.Add(Chunk(c, role: false, content: null, refusal: piece, finish: null));
        }

        events.Add(Chunk(c, role: false, content: null, refusal: null, finish: c.FinishReason));
        if (includeUsage)
        {
            events.Add(JsonText.SseEvent(JsonText.ToUtf8(w =>
            {
                w.WriteStartObject();
                Header(w, c, "chat.completion.chunk");
                w.WriteStartArray("choices");
                w.WriteEndArray();
                Usage(w, c);
                w.WriteEndObject();
            })));
        }

        events.Add("data: [DONE]\n\n"u8.ToArray());
        return events;
    }

    public static byte[] Models() =>
        JsonText.ToUtf8(w =>
        {
            w.WriteStartObject();
            w.WriteString("object", "list");
            w.WriteStartArray("data");
            w.WriteStartObject();
            w.WriteString("id", CompletionFactory.DefaultModel);
            w.WriteString("object", "model");
            w.WriteNumber("created", 0);
            w.WriteString("owned_by", "fake");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        });

    private static byte[] Chunk(Completion c, bool role, string? content, string? refusal, string? finish) =>
        JsonText.SseEvent(JsonText.ToUtf8(w =>
        {
            w.WriteStartObject();
            Header(w, c, "chat.completion.chunk");
            w.WriteStartArray("choices");
            w.WriteStartObject();
            w.WriteNumber("index", 0);
            w.WriteStartObject("delta");
            if (role)
            {
                w.WriteString("role", "assistant");
            }

            if (content is not null)
            {
                w.WriteString("content", content);
            }

            if (refusal is not null)
            {
                w.WriteString("refusal", refusal);
            }

            w.WriteEndObject();
            w.WriteNull("logprobs");
            StringOrNull(w, "finish_reason", finish);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }));

    private static void Header(Utf8JsonWriter w, Completion c, string objectType)
    {
        w.WriteString("id", c.Id);
        w.WriteString("object", objectType);
        w.WriteNumber("created", c.Created.ToUnixTimeSeconds());
        w.WriteString("model", c.Model);
        w.WriteString("system_fingerprint", Fingerprint);
    }

    private static void Usage(Utf8JsonWriter w, Completion c)
    {
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", c.PromptTokens);
        w.WriteNumber("completion_tokens", c.CompletionTokens);
        w.WriteNumber("total_tokens", c.TotalTokens);
        w.WriteStartObject("prompt_tokens_details");
        w.WriteNumber("cached_tokens", c.CachedTokens);
        w.WriteEndObject();
        w.WriteStartObject("completion_tokens_details");
        w.WriteNumber("reasoning_tokens", 0);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
