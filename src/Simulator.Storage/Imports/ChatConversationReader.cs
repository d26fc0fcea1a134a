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
/// <see cref="InvalidInputException"/> naming file, line and field. <see cref="Stream"/> reads one line at a time,
/// so memory is bounded by the longest line (at most <see cref="MaxLineBytes"/>), whatever the file's size.
/// </summary>
public static class ChatConversationReader
{
    /// <summary>The longest line (one conversation) accepted, in bytes of UTF-8.</summary>
    public const int MaxLineBytes = 16 << 20;

    /// <summary>Reads every conversation of <paramref name="path"/> into a list (for small files: <see cref="Stream"/> for any size).</summary>
    public static IReadOnlyList<ChatConversation> Read(string path) => [.. Stream(path)];

    /// <summary>
    /// The conversations of <paramref name="path"/>, one line at a time, each checked as it is read: a line longer
    /// than <paramref name="maxLineBytes"/>, not UTF-8, not JSON or not a conversation stops the reading with an
    /// <see cref="InvalidInputException"/> naming the line.
    /// </summary>
    public static IEnumerable<ChatConversation> Stream(string path, int maxLineBytes = MaxLineBytes)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException("file not found", path);
        }

        return Lines(path, maxLineBytes);
    }

    private static IEnumerable<ChatConversation> Lines(string path, int maxLineBytes)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot be read: {ex.Message}", path, inner: ex);
        }

        using (file)
        {
            var line = new BoundedLines(file, maxLineBytes);
            var number = 0;
            while (line.Next(path, number + 1) is { } bytes)
            {
                number++;
                if (bytes.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    continue;
                }

                yield return Parse(bytes, path, number);
            }
        }
    }

    private static ChatConversation Parse(ReadOnlyMemory<byte> text, string path, int line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"not a JSON object: {ex.Message.Split(" LineNumber:", 2)[0]}", path, line);
        }
        catch (ArgumentException ex)
        {
            // Bytes that are not UTF-8.
            throw new InvalidInputException($"not UTF-8 JSON: {ex.Message}", path, line, inner: ex);
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
                JsonValueKind.String => Text(idValue, path, line, "id"),
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

            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? Text(r, path, line, field + ".role") : null;
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
        JsonValueKind.String => Text(content, path, line, field),
        JsonValueKind.Null => null,
        JsonValueKind.Array => string.Join("\n", content.EnumerateArray()
            .Select((p, i) => (Part: p, At: $"{field}[{i}].text"))
            .Where(x => x.Part.ValueKind == JsonValueKind.Object && x.Part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            .Select(x => Text(x.Part.GetProperty("text"), path, line, x.At))),
        _ => throw new InvalidInputException("must be a string or an array of text parts", path, line, field),
    };

    /// <summary>A JSON string's text; one that is not valid UTF-16 (a lone surrogate, <c>"\ud800"</c>) is refused naming the field.</summary>
    private static string Text(JsonElement value, string path, int line, string field)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidInputException($"is not valid text ({ex.Message.Split(". ", 2)[0]}): a lone surrogate escape such as \\ud800", path, line, field, ex);
        }
    }
}
