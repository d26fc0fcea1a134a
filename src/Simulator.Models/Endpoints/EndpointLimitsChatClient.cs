using Microsoft.Extensions.AI;
using Simulator.Models.Context;

namespace Simulator.Models.Endpoints;

/// <summary>
/// Holds each attempt to the endpoint's limits, shared by every session on it: a lease of the concurrency and
/// request-rate limits, and when a token rate is configured, of the prompt's estimate plus the reply's cap.
/// </summary>
internal sealed class EndpointLimitsChatClient(IChatClient inner, IEndpointLimiter limits, bool countsTokens, TokenCounter tokens) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var estimate = countsTokens ? tokens.Count(list) + (options?.MaxOutputTokens ?? 0) : 0;
        using var lease = await limits.AcquireAsync(estimate, cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");
}
