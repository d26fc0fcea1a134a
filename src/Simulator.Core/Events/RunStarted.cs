using MessagePack;
using Simulator.Core.Runs;

namespace Simulator.Core.Events;

/// <summary>The run began with this configuration; the hashes pin the persona and protocol files.</summary>
[MessagePackObject]
public sealed record RunStarted(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] RunConfiguration Configuration,
    [property: Key(3)] string PersonaHash,
    [property: Key(4)] string ProtocolHash) : RunEvent(Turn, At);
