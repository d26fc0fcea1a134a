using System.Text.Json;
using Simulator.Core.Labels;
using Simulator.Core.Validation;
using Simulator.Storage.Imports.Benchmarks;

namespace Simulator.Storage.Labels;

/// <summary>
/// Reads labelled conversations for <c>simulator monitor fit</c> and <c>monitor validate</c> from the files
/// researchers have: a Spiral-Bench result file (<c>res_v*/&lt;model&gt;.json</c>, each judged turn's nine
/// behaviours as <c>spiral.&lt;behaviour&gt;</c> labels), or JSON lines in OpenAI chat format whose last reply is
/// labelled (<see cref="LabelLines"/>: Moore et al.'s <c>appropriate</c>, a <c>labels</c> object of metric
/// names, or the <c>source.scores</c> that <c>simulator import</c> keeps beside a Spiral-Bench transcript).
/// Every problem is an <see cref="InvalidInputException"/> naming the file, line and field.
/// </summary>
public static class LabelFiles
{
    /// <summary>Reads <paramref name="path"/>, recognising its kind by its content.</summary>
    public static IReadOnlyList<LabelledConversation> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidInputException("file not found", path);
        }

        return LooksLikeJsonLines(path) ? LabelLines.Read(path) : SpiralBenchLabels(path);
    }

    // A JSON-lines file opens with an object that closes on its first line; a result file spans many lines or is one huge line.
    private static bool LooksLikeJsonLines(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        while (first is not null && string.IsNullOrWhiteSpace(first))
        {
            first = reader.ReadLine();
        }

        if (first is null || first.Length > 64 << 20)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(first);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("messages", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IReadOnlyList<LabelledConversation> SpiralBenchLabels(string path)
    {
        var file = BenchmarkFile.Read(path);
        if (file.Benchmark != BenchmarkFile.SpiralBench)
        {
            throw new InvalidInputException("a Psychosis-bench case file has no replies to label: give Spiral-Bench results, labelled chat lines or run folders", path);
        }

        var name = Path.GetFileName(path);
        return
        [
            .. file.Conversations.Select(x => SpiralBenchLabelling.Of(
                $"{name}:{x.Id}",
                path,
                x.Conversation.EvaluatedModel ?? Path.GetFileNameWithoutExtension(path),
                x.Conversation.Category,
                x.Conversation.PromptId,
                x.Conversation.Messages.Select(m => (m.Role, m.Content)),
                x.Conversation.Judgements.Where(j => j.Error is null).Select(j => (j.Turns, j.Metrics)))),
        ];
    }
}
