using MessagePack;

namespace Simulator.Core.Events;

/// <summary>The run stopped after <paramref name="Turn"/> completed turns, for <paramref name="Reason"/>.</summary>
[MessagePackObject]
public sealed record RunEnded(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Reason,
    [property: Key(3)] string? Message) : RunEvent(Turn, At)
{
    /// <summary>The reasons a run ends.</summary>
    public static class Reasons
    {
#pragma warning disable CS1591 // The names are the documentation.
        public const string MaxTurns = "max-turns";
        public const string PatientEnded = "patient-ended";
        public const string Error = "error";
        public const string Cancelled = "cancelled";
#pragma warning restore CS1591
    }

    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane => 2;
}
