using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// The monitor saw something a supervisor would act on at <see cref="RunEvent.Turn"/>: a metric at
/// or past its threshold (<see cref="Kinds.Threshold"/>) or a change point in its series
/// (<see cref="Kinds.ChangePoint"/>, with the estimated onset turn). In guard mode it becomes a note
/// to the therapist.
/// </summary>
[MessagePackObject]
public sealed record AlertRaised(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Metric,
    [property: Key(3)] string Kind,
    [property: Key(4)] double Value,
    [property: Key(5)] double? Threshold,
    [property: Key(6)] int? OnsetTurn,
    [property: Key(7)] string Message) : RunEvent(Turn, At)
{
    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane => 1;

    /// <summary>The kinds of alert.</summary>
    public static class Kinds
    {
        /// <summary>The metric reached its threshold on this turn.</summary>
        public const string Threshold = "threshold";

        /// <summary>CUSUM found a shift in the metric's series.</summary>
        public const string ChangePoint = "change-point";
    }
}
