using System.Collections.Immutable;
using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// A rater's scores of one turn: metric values by stable name, the metrics it could not score with
/// the reason, and the quoted evidence span per metric.
/// </summary>
[MessagePackObject]
public sealed record MonitorScored(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Rater,
    [property: Key(3)] string RubricVersion,
    [property: Key(4)] ImmutableSortedDictionary<string, double> Metrics,
    [property: Key(5)] ImmutableSortedDictionary<string, string> Unscored,
    [property: Key(6)] ImmutableSortedDictionary<string, string> Evidence) : RunEvent(Turn, At)
{
    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane => 1;
}
