using System.Collections.Immutable;
using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// A rater's scores of one turn: metric values by stable name, the metrics it could not score with
/// the reason, and the quoted evidence span per metric. <see cref="Rescore"/> is 0 for the scores
/// the run's own monitor gave, n for the n-th <c>replay --rescore</c> of the run.
/// </summary>
[MessagePackObject]
public sealed record MonitorScored(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Rater,
    [property: Key(3)] string RubricVersion,
    [property: Key(4)] ImmutableSortedDictionary<string, double> Metrics,
    [property: Key(5)] ImmutableSortedDictionary<string, string> Unscored,
    [property: Key(6)] ImmutableSortedDictionary<string, string> Evidence,
    [property: Key(7)] int Rescore = 0) : RunEvent(Turn, At)
{
    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane => Rescore > 0 ? RescoreLane : 1;

    /// <summary>The layer's name for <c>--layer</c>: the rater, and the rescore it came from if any.</summary>
    [IgnoreMember]
    public string Layer => Rescore > 0 ? $"{Rater}@rescore-{Rescore}" : Rater;
}
