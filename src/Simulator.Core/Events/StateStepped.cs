using System.Collections.Immutable;
using MessagePack;

namespace Simulator.Core.Events;

/// <summary>The latent clinical state at the end of a turn (turn 0: the initial state).</summary>
[MessagePackObject]
public sealed record StateStepped(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] ImmutableSortedDictionary<string, double> State) : RunEvent(Turn, At);
