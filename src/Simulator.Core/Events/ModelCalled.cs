using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// One attempt at a model call: the role that made it, the model, a hash of the request (never the
/// prompt itself, so the log grows linearly), token usage, latency, attempt number and error.
/// </summary>
[MessagePackObject]
public sealed record ModelCalled(
    int Turn,
    DateTimeOffset At,
    [property: Key(2)] string Role,
    [property: Key(3)] string Model,
    [property: Key(4)] string RequestHash,
    [property: Key(5)] long PromptTokens,
    [property: Key(6)] long CompletionTokens,
    [property: Key(7)] long CachedTokens,
    [property: Key(8)] double LatencyMs,
    [property: Key(9)] int Attempt,
    [property: Key(10)] string? Error) : RunEvent(Turn, At)
{
    /// <inheritdoc />
    [IgnoreMember]
    public override int Lane =>
        Role.StartsWith(RescorePrefix, StringComparison.Ordinal) ? RescoreLane
        : Role.StartsWith("judge", StringComparison.Ordinal) ? 1
        : 0;

    /// <summary>How the roles of a rescore's judges start (<c>rescore.2.judge.1</c>).</summary>
    public const string RescorePrefix = "rescore.";

    /// <inheritdoc />
    public override RunEvent Canonical() => this with { At = default, LatencyMs = 0 };
}
