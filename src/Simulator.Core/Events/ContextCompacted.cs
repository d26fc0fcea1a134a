using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// An agent's prompt passed its token budget: the oldest turns of its history were folded into a
/// rolling summary. From here on the agent's prompt is its system prompt, this summary, then the
/// history from turn <see cref="FromTurn"/>; replay rebuilds the same prompts from these events.
/// </summary>
[MessagePackObject]
public sealed record ContextCompacted(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Role,
    [property: Key(3)] int FromTurn,
    [property: Key(4)] string Summary,
    [property: Key(5)] int TokensBefore,
    [property: Key(6)] int TokensAfter) : RunEvent(Turn, At);
