using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// Guard mode: before its reply at <see cref="RunEvent.Turn"/>, the therapist was given this
/// supervisor's note, written from the monitor's alerts on turn <see cref="AboutTurn"/>.
/// </summary>
[MessagePackObject]
public sealed record GuardNoteSent(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] int AboutTurn,
    [property: Key(3)] IReadOnlyList<string> Metrics,
    [property: Key(4)] string Note) : RunEvent(Turn, At);
