using Microsoft.Extensions.AI;
using Simulator.Agents.Sessions;
using Simulator.Models.Context;

namespace Simulator.Agents.Scripted;

/// <summary>
/// Base of the offline models: reads the <see cref="SessionContext"/> from the request, composes
/// a reply, and reports usage as if it were a real model (one token per word).
/// </summary>
internal abstract class ScriptedChatClient(string modelId) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = options?.AdditionalProperties?.TryGetValue(SessionContext.Key, out var value) == true && value is SessionContext c
            ? c
            : throw new InvalidOperationException($"scripted:{modelId} needs a session context; it runs only inside a simulator session.");
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var (text, labels) = Compose(history, context);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = "scripted:" + modelId,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails
            {
                InputTokenCount = _inputWords.Over(history),
                OutputTokenCount = Words(text),
            },
        };
        if (labels.Count > 0)
        {
            response.AdditionalProperties = new() { [SessionContext.GroundTruthKey] = labels };
        }

        await Task.CompletedTask.ConfigureAwait(false);
        return response;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted models do not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>The reply text and the ground-truth act labels (empty for the patient).</summary>
    protected abstract (string Text, IReadOnlyList<string> Labels) Compose(IReadOnlyList<ChatMessage> history, SessionContext context);

    // The prompt's words, carried forward over the history the calls share, so the growing history is not re-split on every call.
    private readonly PrefixFold<long> _inputWords = new(static () => 0, static (sum, m) => sum + Words(m.Text), static sum => sum);

    /// <summary>The words of <paramref name="text"/>: runs of characters between white space, as <c>Split(null, RemoveEmptyEntries)</c> counts them, without making them.</summary>
    private static int Words(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }
}
