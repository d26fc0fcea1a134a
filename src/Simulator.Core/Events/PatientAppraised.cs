using MessagePack;

namespace Simulator.Core.Events;

/// <summary>The therapist's acts as the patient perceived them, and who appraised them.</summary>
[MessagePackObject]
public sealed record PatientAppraised(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] IReadOnlyList<string> Acts,
    [property: Key(3)] string Appraiser) : RunEvent(Turn, At);
