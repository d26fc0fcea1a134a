using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// Patient guard: the patient's direction for <see cref="RunEvent.Turn"/> carried this correction,
/// because the monitor saw the patient break role at turn <see cref="AboutTurn"/> (talk like an
/// assistant, out of character, or a state it was not given), by <see cref="Metrics"/>.
/// </summary>
[MessagePackObject]
public sealed record PatientCorrected(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] int AboutTurn,
    [property: Key(3)] IReadOnlyList<string> Metrics,
    [property: Key(4)] string Correction) : RunEvent(Turn, At);
