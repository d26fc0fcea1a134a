using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// The therapist's reply of a turn. <paramref name="GroundTruthActs"/> are the acts a scripted
/// reference therapist knows it performed (empty for real models); the monitor never sees them.
/// </summary>
[MessagePackObject]
public sealed record TherapistReplied(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Text,
    [property: Key(3)] IReadOnlyList<string> GroundTruthActs) : RunEvent(Turn, At);
