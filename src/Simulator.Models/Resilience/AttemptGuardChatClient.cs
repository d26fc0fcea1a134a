using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Simulator.Models.Resilience;

/// <summary>
/// Runs each attempt under the endpoint's breaker and timeout (<see cref="EndpointPipelines.Attempt"/>), with what the
/// provider threw classified as a <see cref="ModelFaultException"/> (<see cref="FaultClassifier"/>, keys scrubbed) so the
/// breaker can tell endpoint faults; a timeout and an open breaker become faults of their own kinds.
/// </summary>
internal sealed class AttemptGuardChatClient(IChatClient inner, ResiliencePipeline guard, double timeoutSeconds, double breakSeconds, Func<string, string> scrub, TimeProvider clock)
    : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await guard.ExecuteAsync(
                async ct =>
                {
                    try
                    {
                        return await base.GetResponseAsync(messages, options, ct).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        throw FaultClassifier.Classify(ex, scrub, clock);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException timeout) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelFaultException(ModelFaultKind.Timeout, $"no answer within {timeoutSeconds:0.###} s", null, timeout);
        }
        catch (BrokenCircuitException open)
        {
            // Recorded as its kind, and retried after a whole break (Polly's own estimate of what is left
            // can be shorter than the break), when the half-open breaker lets one probe through.
            var fault = FaultClassifier.Classify(open, scrub, clock);
            throw new ModelFaultException(fault.Kind, fault.Message, TimeSpan.FromSeconds(breakSeconds), open);
        }
    }

    /// <inheritdoc />
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Sessions use whole replies; each is checked before it is used.");
}
