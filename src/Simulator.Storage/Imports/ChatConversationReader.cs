using System.Globalization;
using System.Text.Json;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;

namespace Simulator.Storage.Imports;

/// <summary>
/// Reads conversations in OpenAI chat format, one JSON object per line (DESIGN §10):
/// <c>{"id": "...", "messages": [{"role": "user"|"assistant"|"system", "content": "..."}], ...}</c>.
/// Other fields are ignored; a line without <c>id</c> is named <c>line-N</c>; ids need not be unique
/// (benchmarks reuse a case id across responders), so each conversation also keeps its line. Every problem is an
/// <see cref="InvalidInputException"/> naming file, line and field; nothing is returned until the whole file has been read.
/// </summary>
public static class ChatConversationReader
{
    /// <summary>The largest file accepted.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads <paramref name="path"/>.</summary>
    public static IReadOnlyList<ChatConversation> Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidInputException("file not found", path);
        }

        if (info.Length > MaxBytes)
        {
            throw new InvalidInputException($"file is larger than {MaxBytes} bytes", path);
        }

        var conversations = new List<ChatConversation>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            conversations.Add(Parse(text, path, line));
        }

        return conversations;
    }

    private static ChatConversation Parse(string text, string path, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"not a JSON object: {ex.Message}", path, line);
        }

        using (document)
        {
            return Parse(document.RootElement, path, line);
        }
    }

    /// <summary>The conversation of one parsed line.</summary>
    internal static ChatConversation Parse(JsonElement root, string path, int line)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException($"expected a JSON object, got {root.ValueKind.ToString().ToLowerInvariant()}", path, line);
        }

        var id = root.TryGetProperty("id", out var idValue)
            ? idValue.ValueKind switch
            {
                JsonValueKind.String => idValue.GetString()!,
                JsonValueKind.Number => idValue.GetRawText(),
                _ => throw new InvalidInputException("must be a string or a number", path, line, "id"),
            }
            : $"line-{line.ToString(CultureInfo.InvariantCulture)}";
        if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("is required: an array of {role, content}", path, line, "messages");
        }

        var turns = new List<Exchange>();
        var patient = new List<string>();
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var field = $"messages[{i++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException("must be an object {role, content}", path, line, field);
            }

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var content = message.TryGetProperty("content", out var c) ? Content(c, path, line, field + ".content") : null;
            switch (role)
            {
                case "user":
                    patient.Add(content ?? throw new InvalidInputException("is required", path, line, field + ".content"));
                    break;
                case "assistant":
                    turns.Add(new Exchange(string.Join("\n\n", patient), content ?? throw new InvalidInputException("is required", path, line, field + ".content")));
                    patient.Clear();
                    break;
                case "system" or "developer" or "tool":
                    break;
                default:
                    throw new InvalidInputException($"'{role}' is not a role: use user (the patient), assistant (the therapist) or system", path, line, field + ".role");
            }
        }

        return new ChatConversation(id, line, turns);
    }

    /// <summary>A message's text: a string, or the text parts of a content array.</summary>
    private static string? Content(JsonElement content, string path, int line, string field) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString(),
        JsonValueKind.Null => null,
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(p => p.GetProperty("text").GetString())),
        _ => throw new InvalidInputException("must be a string or an array of text parts", path, line, field),
    };
}
