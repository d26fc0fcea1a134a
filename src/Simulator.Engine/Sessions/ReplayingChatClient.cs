using Microsoft.Extensions.AI;

namespace Simulator.Engine.Sessions;

/// <summary>
/// A role's client while a session replays its recorded turns: answers with the recorded text
/// when <paramref name="recorded"/> has one for the call in progress, and asks the live model
/// otherwise (after the replayed turns, or for a rolling summary a branch's model needs where its
/// parent's did not).
/// </summary>
internal sealed class ReplayingChatClient(IChatClient live, Func<string?> recorded) : DelegatingChatClient(live)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        recorded() is { } text
            ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { FinishReason = ChatFinishReason.Stop })
            : base.GetResponseAsync(messages, options, cancellationToken);
}
