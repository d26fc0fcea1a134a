using Microsoft.Extensions.AI;
using Polly;

namespace Simulator.Models.Resilience;

/// <summary>
/// Runs each call under the endpoint's retries (<see cref="EndpointPipelines.Retries"/>); a call whose last attempt
/// failed with a <see cref="ModelFaultException"/> fails as a <see cref="ModelCallFailedException"/> naming the role,
/// the model and the attempts made. The built-in models take the same path with <see cref="ResiliencePipeline.Empty"/>.
/// </summary>
internal sealed class RetryingChatClient(IChatClient inner, ResiliencePipeline retries, string role, string model) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        // One list and one options instance for every attempt: the recording below counts attempts by them.
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        options ??= new ChatOptions();
        var attempt = 0;
        try
        {
            return await retries.ExecuteAsync(
                async ct =>
                {
                    attempt++;
                    return await base.GetResponseAsync(list, options, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ModelFaultException fault)
        {
            throw new ModelCallFailedException(role, model, attempt, fault);
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");
}
