using System.Text;
using System.Text.Json;

namespace Simulator.FakeModelServer;

/// <summary>Reads OpenAI and Ollama chat request bodies; returns null when the body is not a JSON object.</summary>
internal static class ChatRequestParser
{
    public static ParsedChat? Parse(JsonElement root, ChatDialect dialect) =>
        root.ValueKind != JsonValueKind.Object ? null
        : dialect == ChatDialect.Ollama ? ParseOllama(root)
        : ParseOpenAi(root);

    private static ParsedChat ParseOpenAi(JsonElement root)
    {
        var streamOptions = Property(root, "stream_options");
        var responseFormat = Property(root, "response_format");
        return new ParsedChat(
            String(root, "model"),
            Messages(root),
            Int64(root, "seed"),
            Double(root, "temperature"),
            Double(root, "top_p"),
            Int32(root, "max_completion_tokens") ?? Int32(root, "max_tokens"),
            responseFormat is { } format ? String(format, "type") : null,
            Bool(root, "stream") ?? false,
            streamOptions is { } so && (Bool(so, "include_usage") ?? false));
    }

    private static ParsedChat ParseOllama(JsonElement root)
    {
        var options = Property(root, "options");
        return new ParsedChat(
            String(root, "model"),
            Messages(root),
            options is { } o1 ? Int64(o1, "seed") : null,
            options is { } o2 ? Double(o2, "temperature") : null,
            options is { } o3 ? Double(o3, "top_p") : null,
            options is { } o4 ? Int32(o4, "num_predict") : null,
            OllamaFormat(Property(root, "format")),
            Bool(root, "stream") ?? true,
            IncludeUsage: true);
    }

    private static string? OllamaFormat(JsonElement? format) => format switch
    {
        { ValueKind: JsonValueKind.String } f => f.GetString() is { Length: > 0 } s ? s : null,
        { ValueKind: JsonValueKind.Object } => "json_schema",
        _ => null,
    };

    private static List<ReceivedMessage> Messages(JsonElement root)
    {
        var result = new List<ReceivedMessage>();
        if (Property(root, "messages") is not { ValueKind: JsonValueKind.Array } messages)
        {
            return result;
        }

        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object)
            {
                result.Add(new ReceivedMessage(String(message, "role") ?? string.Empty, Content(Property(message, "content"))));
            }
        }

        return result;
    }

    /// <summary>Content as a string, or the text parts of a content array joined.</summary>
    private static string Content(JsonElement? content)
    {
        switch (content)
        {
            case { ValueKind: JsonValueKind.String } s:
                return s.GetString() ?? string.Empty;
            case { ValueKind: JsonValueKind.Array } parts:
                var text = new StringBuilder();
                foreach (var part in parts.EnumerateArray())
                {
                    if (part.ValueKind == JsonValueKind.String)
                    {
                        text.Append(part.GetString());
                    }
                    else if (part.ValueKind == JsonValueKind.Object && String(part, "text") is { } t)
                    {
                        text.Append(t);
                    }
                }

                return text.ToString();
            default:
                return string.Empty;
        }
    }

    private static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? String(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static bool? Bool(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static double? Double(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetDouble(out var d) ? d : null;

    private static long? Int64(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt64(out var l) ? l : null;

    private static int? Int32(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var i) ? i : null;
}
