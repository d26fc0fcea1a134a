namespace Simulator.Models.Recording;

/// <summary>What one model call attempt cost and returned, before it becomes a ModelCalled event.</summary>
public sealed record ModelCallRecord(
    string RequestHash,
    long PromptTokens,
    long CompletionTokens,
    long CachedTokens,
    double LatencyMs,
    int Attempt,
    string? Error)
{
    /// <summary>The variables whose endpoint keys were redacted from the reply (empty almost always).</summary>
    public IReadOnlyList<string> Redacted { get; init; } = [];
}
