using System.Globalization;
using System.Text.Json;
using Simulator.Core.Labels;
using Simulator.Core.Validation;
using Simulator.Storage.Imports;

namespace Simulator.Storage.Labels;

/// <summary>
/// Labelled conversations as JSON lines in OpenAI chat format (<c>{"id", "messages": [...]}</c>, user = patient,
/// assistant = therapist), the labels on the LAST reply unless the source says which turns:
/// <list type="bullet">
/// <item><c>"appropriate": true|false</c> (Moore et al. 2025): <c>safety.inappropriate</c> 0 or 1;</item>
/// <item><c>"labels": {"&lt;metric&gt;": n, ...}</c>: any metric names (<c>sycophancy.dcs</c>, <c>safety.hes</c>, ...);</item>
/// <item><c>"source": {"benchmark": "spiral-bench", "scores": [{"turns": [n], "metrics": {...}}]}</c>, as
/// <c>simulator import</c> writes it: the judge's behaviours per turn, as a result file gives them.</item>
/// </list>
/// Groups come from <c>condition</c>, <c>category</c>, <c>responder</c> or <c>model</c>, and the stimulus (the last
/// patient message). A line with no labels is an error: there is nothing to fit or validate on it.
/// </summary>
public static class LabelLines
{
    /// <summary>The longest line read (bytes of UTF-16 text).</summary>
    public const int MaxLineLength = 16 << 20;

    /// <summary>Reads every line of <paramref name="path"/>.</summary>
    public static IReadOnlyList<LabelledConversation> Read(string path)
    {
        var name = Path.GetFileName(path);
        var found = new List<LabelledConversation>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (text.Length > MaxLineLength)
            {
                throw new InvalidInputException($"the line is longer than {MaxLineLength} characters", path, line);
            }

            using var doc = Parse(text, path, line);
            found.Add(Conversation(doc.RootElement, path, name, line));
        }

        return found.Count > 0 ? found : throw new InvalidInputException("holds no labelled conversations", path);
    }

    private static JsonDocument Parse(string text, string path, int line)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"not a JSON object: {ex.Message}", path, line);
        }
    }

    private static LabelledConversation Conversation(JsonElement root, string path, string name, int line)
    {
        var chat = ChatConversationReader.Parse(root, path, line);
        var id = $"{name}:{line.ToString(CultureInfo.InvariantCulture)}";
        if (root.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Object
            && source.TryGetProperty("benchmark", out var benchmark) && benchmark.ValueKind == JsonValueKind.String && benchmark.GetString() == "spiral-bench")
        {
            return SpiralBenchLabelling.Of(
                id,
                path,
                Text(source, "evaluated_model") ?? Text(source, "file") ?? name,
                Text(source, "category") ?? "",
                Text(source, "prompt_id") ?? chat.Id,
                Messages(root),
                Judgements(source, path, line));
        }

        if (chat.Turns.Count == 0)
        {
            throw new InvalidInputException("has no assistant reply to label", path, line, "messages");
        }

        var labels = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (root.TryGetProperty("labels", out var given))
        {
            if (given.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException("must be an object of metric names and numbers", path, line, "labels");
            }

            foreach (var p in given.EnumerateObject())
            {
                labels[p.Name] = p.Value.ValueKind == JsonValueKind.Number && double.IsFinite(p.Value.GetDouble())
                    ? p.Value.GetDouble()
                    : throw new InvalidInputException("must be a finite number", path, line, $"labels.{p.Name}");
            }
        }

        if (root.TryGetProperty("appropriate", out var appropriate))
        {
            labels["safety.inappropriate"] = appropriate.ValueKind switch
            {
                JsonValueKind.True => 0,
                JsonValueKind.False => 1,
                _ => throw new InvalidInputException("must be true or false", path, line, "appropriate"),
            };
        }

        if (labels.Count == 0)
        {
            throw new InvalidInputException("has no labels: give 'appropriate', a 'labels' object, or Spiral-Bench 'source.scores'", path, line);
        }

        var groups = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["stimulus"] = Stimulus(chat.Turns[^1].Patient) };
        foreach (var (field, group) in new[] { ("condition", "condition"), ("category", "category"), ("responder", "model"), ("model", "model"), ("source_name", "source") })
        {
            if (Text(root, field) is { Length: > 0 } value)
            {
                groups[group] = value;
            }
        }

        groups.TryAdd("source", Path.GetFileNameWithoutExtension(path));
        return new LabelledConversation(id, path, groups, chat.Turns, [new TurnLabels(chat.Turns.Count, labels)]);
    }

    // The stimulus a reply answers, as a group key: the last patient message, its first words.
    private static string Stimulus(string patient)
    {
        var words = patient.Split((char[]?)null, 13, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(12));
    }

    private static IEnumerable<(string Role, string Content)> Messages(JsonElement root) =>
        root.GetProperty("messages").EnumerateArray()
            .Select(m => (Text(m, "role") ?? "", m.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : ""));

    private static List<(IReadOnlyList<int> Turns, IReadOnlyDictionary<string, double> Metrics)> Judgements(JsonElement source, string path, int line)
    {
        var found = new List<(IReadOnlyList<int>, IReadOnlyDictionary<string, double>)>();
        if (!source.TryGetProperty("scores", out var scores) || scores.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("is required for Spiral-Bench labels: an array of {turns, metrics}", path, line, "source.scores");
        }

        var i = 0;
        foreach (var score in scores.EnumerateArray())
        {
            var at = $"source.scores[{i++}]";
            if (score.ValueKind != JsonValueKind.Object || score.TryGetProperty("error", out _))
            {
                continue;
            }

            if (!score.TryGetProperty("turns", out var turns) || turns.ValueKind != JsonValueKind.Array
                || !score.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException("must hold 'turns' (an array) and 'metrics' (an object)", path, line, at);
            }

            found.Add((
                [.. turns.EnumerateArray().Select(t => t.TryGetInt32(out var n) ? n : throw new InvalidInputException("must be whole numbers", path, line, at + ".turns"))],
                metrics.EnumerateObject().ToDictionary(
                    m => m.Name,
                    m => m.Value.ValueKind == JsonValueKind.Number ? m.Value.GetDouble() : throw new InvalidInputException("must be a number", path, line, $"{at}.metrics.{m.Name}"),
                    StringComparer.Ordinal)));
        }

        return found;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
