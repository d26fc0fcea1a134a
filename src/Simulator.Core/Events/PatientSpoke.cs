using MessagePack;

namespace Simulator.Core.Events;

/// <summary>The patient's message of a turn.</summary>
[MessagePackObject]
public sealed record PatientSpoke(int Turn, DateTimeOffset At, [property: Key(2)] string Text) : RunEvent(Turn, At);
