using MessagePack;

namespace Simulator.Core.Events;

/// <summary>A persona's scripted event fired at the start of a turn.</summary>
[MessagePackObject]
public sealed record EventFired(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string EventId,
    [property: Key(3)] string Say) : RunEvent(Turn, At);
