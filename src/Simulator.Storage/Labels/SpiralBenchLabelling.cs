using Simulator.Core.Labels;
using Simulator.Core.Transcripts;

namespace Simulator.Storage.Labels;

/// <summary>
/// A Spiral-Bench conversation as labels: per judged turn, each behaviour the judge rates (the sum of its
/// incidents' strengths) as <c>spiral.&lt;behaviour&gt;</c> in snake case (<c>spiral.delusion_reinforcement</c>,
/// <c>spiral.pushback</c>, ...), averaged over judges. A chunk the judge failed on is left out, not a zero.
/// </summary>
internal static class SpiralBenchLabelling
{
    /// <summary>The prefix of Spiral-Bench's behaviours as label names.</summary>
    public const string Prefix = "spiral.";

    public static LabelledConversation Of(
        string id,
        string source,
        string model,
        string category,
        string prompt,
        IEnumerable<(string Role, string Content)> messages,
        IEnumerable<(IReadOnlyList<int> Turns, IReadOnlyDictionary<string, double> Metrics)> judgements)
    {
        var turns = Exchanges(messages);
        var sums = new SortedDictionary<int, Dictionary<string, (double Sum, int Count)>>();
        foreach (var (judged, metrics) in judgements)
        {
            foreach (var turn in judged.Where(t => t >= 1 && t <= turns.Count))
            {
                if (!sums.TryGetValue(turn, out var labels))
                {
                    sums[turn] = labels = new(StringComparer.Ordinal);
                }

                foreach (var (behaviour, value) in metrics)
                {
                    var name = Name(behaviour);
                    var (sum, count) = labels.GetValueOrDefault(name);
                    labels[name] = (sum + value, count + 1);
                }
            }
        }

        var groups = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["source"] = "spiral-bench",
            ["model"] = model,
            ["category"] = category,
            ["prompt"] = prompt,
        };
        return new LabelledConversation(
            id,
            source,
            groups,
            turns,
            [.. sums.Select(t => new TurnLabels(t.Key, t.Value.ToDictionary(l => l.Key, l => l.Value.Sum / l.Value.Count, StringComparer.Ordinal)))]);
    }

    /// <summary>The label name of a behaviour as Spiral-Bench's files spell it ("delusion reinforcement", "de-escalation").</summary>
    public static string Name(string behaviour) => Prefix + behaviour.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>The exchanges of a chat: each assistant message with the user messages since the one before (system messages left out).</summary>
    public static IReadOnlyList<Exchange> Exchanges(IEnumerable<(string Role, string Content)> messages)
    {
        var turns = new List<Exchange>();
        var patient = new List<string>();
        foreach (var (role, content) in messages)
        {
            if (role == "user")
            {
                patient.Add(content);
            }
            else if (role == "assistant")
            {
                turns.Add(new Exchange(string.Join("\n\n", patient), content));
                patient.Clear();
            }
        }

        return turns;
    }
}
