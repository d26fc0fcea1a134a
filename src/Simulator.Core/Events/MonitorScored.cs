using System.Collections.Immutable;
using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// A rater's scores of one turn: metric values by stable name, the metrics it could not score with
/// the reason, and the quoted evidence span per metric. The layers of the n-th <c>replay --rescore</c>
/// of a run name their rater <c>&lt;rater&gt;@rescore-n</c>.
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
    /// <summary>How a rescore's layer names end, before its number.</summary>
    public const string RescoreMark = "@rescore-";

    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane => Rescore > 0 ? RescoreLane : 1;

    /// <summary>0 for the scores the run's own monitor gave, n for the n-th rescore's.</summary>
    [IgnoreMember]
    public int Rescore => Rater.LastIndexOf(RescoreMark, StringComparison.Ordinal) is var at and >= 0
        && int.TryParse(Rater.AsSpan(at + RescoreMark.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        ? n
        : 0;

    /// <summary>The rater as it scored: the rater without a rescore's mark.</summary>
    [IgnoreMember]
    public string BaseRater => Rescore > 0 ? Rater[..Rater.LastIndexOf(RescoreMark, StringComparison.Ordinal)] : Rater;
}
