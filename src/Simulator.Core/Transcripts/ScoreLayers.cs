using System.Collections.Immutable;
using Simulator.Core.Events;

namespace Simulator.Core.Transcripts;

/// <summary>
/// A turn's score layers (offline, each judge, the panel, later rescores) merged into one verdict:
/// per metric the value of the last layer that scored it, with that layer's evidence; a metric no
/// layer scored is unscored with the last layer's reason. A judge that failed thus never erases a value.
/// </summary>
public sealed record ScoreLayers(
    ImmutableSortedDictionary<string, double> Metrics,
    ImmutableSortedDictionary<string, string> Unscored,
    ImmutableSortedDictionary<string, string> Evidence)
{
    /// <summary>No scores.</summary>
    public static ScoreLayers Empty { get; } = new(
        ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal),
        ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>Merges <paramref name="layers"/>, in the order they were appended.</summary>
    public static ScoreLayers Merge(IEnumerable<MonitorScored> layers)
    {
        var merged = Empty;
        foreach (var layer in layers)
        {
            var metrics = merged.Metrics.SetItems(layer.Metrics);
            merged = new ScoreLayers(
                metrics,
                merged.Unscored.RemoveRange(layer.Metrics.Keys).SetItems(layer.Unscored.Where(u => !metrics.ContainsKey(u.Key))),
                merged.Evidence.RemoveRange(layer.Metrics.Keys).SetItems(layer.Evidence.Where(e => layer.Metrics.ContainsKey(e.Key))));
        }

        return merged;
    }
}
