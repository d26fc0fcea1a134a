namespace Simulator.FakeModelServer;

/// <summary>One answer, before it is written in either dialect.</summary>
internal sealed record Completion(
    string Id,
    DateTimeOffset Created,
    string Model,
    string? Content,
    string? Refusal,
    string FinishReason,
    int PromptTokens,
    int CompletionTokens,
    int CachedTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
