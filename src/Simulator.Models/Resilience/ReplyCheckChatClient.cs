using Microsoft.Extensions.AI;

namespace Simulator.Models.Resilience;

/// <summary>Refuses a reply that arrived but cannot be used (<see cref="ReplyCheck"/>), as a fault the retries see.</summary>
internal sealed class ReplyCheckChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        ReplyCheck.Validate(response, options);
        return response;
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");
}
