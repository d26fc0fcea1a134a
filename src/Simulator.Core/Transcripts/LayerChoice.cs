using Simulator.Core.Events;
using Simulator.Core.Validation;

namespace Simulator.Core.Transcripts;

/// <summary>
/// Picks the score layers readers show (<c>--layer</c>): by default all of them merged, the newest
/// layer winning; otherwise only the layers a name matches: a layer (<c>offline</c>,
/// <c>judge.1@rescore-2</c>), a rater, a rubric version (<c>judge-v1</c>), a rescore
/// (<c>rescore-2</c>), or <c>recorded</c> for the run's own monitor.
/// </summary>
public static class LayerChoice
{
    /// <summary>The layer names of <paramref name="transcript"/>, in the order they first appear.</summary>
    public static IReadOnlyList<string> Names(RunTranscript transcript) =>
        [.. transcript.Turns.SelectMany(t => t.Layers).Select(l => l.Rater).Distinct(StringComparer.Ordinal)];

    /// <summary><paramref name="transcript"/> scored by the layers <paramref name="name"/> matches; null keeps it as it is.</summary>
    public static RunTranscript Apply(RunTranscript transcript, string? name, string field = "--layer")
    {
        if (name is null)
        {
            return transcript;
        }

        if (!transcript.Turns.Any(t => t.Layers.Any(l => Matches(l, name))))
        {
            throw new InvalidInputException($"no score layer '{name}' (layers: {string.Join(", ", Names(transcript).DefaultIfEmpty("none"))}; or a rater, a rubric version, rescore-N, recorded)", field: field);
        }

        var metrics = transcript.Turns.SelectMany(t => t.Layers).Where(l => Matches(l, name)).SelectMany(l => l.Metrics.Keys.Concat(l.Unscored.Keys)).ToHashSet(StringComparer.Ordinal);
        return transcript with
        {
            Turns = [.. transcript.Turns.Select(t =>
            {
                var layers = t.Layers.Where(l => Matches(l, name)).ToList();
                var merged = ScoreLayers.Merge(layers);

                // A turn the layer did not reach (a rescore stopped early) is unscored, not blank.
                var unscored = layers.Count > 0 ? merged.Unscored : merged.Unscored.SetItems(metrics.Select(m => KeyValuePair.Create(m, $"layer {name} did not score this turn")));
                return t with { Metrics = merged.Metrics, Unscored = unscored, Evidence = merged.Evidence, Layers = layers };
            })],
        };
    }

    private static bool Matches(MonitorScored layer, string name) =>
        name == layer.Rater || name == layer.BaseRater || name == layer.RubricVersion
        || (name == "recorded" && layer.Rescore == 0)
        || (layer.Rescore > 0 && name == $"rescore-{layer.Rescore}");
}
