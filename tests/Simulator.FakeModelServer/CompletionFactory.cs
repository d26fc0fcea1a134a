namespace Simulator.FakeModelServer;

/// <summary>Builds the answer for an admitted chat request, applying the content faults.</summary>
internal static class CompletionFactory
{
    public const string DefaultModel = "fake-model";
    public const string RefusalText = "I'm sorry, I can't help with that.";

    public static Completion Create(ReceivedRequest request, ServerState state, bool usePrefixCache)
    {
        var reply = state.Options.Reply?.Invoke(request) ?? DefaultReply.For(request);
        string? content = reply;
        string? refusal = null;
        var finish = "stop";
        switch (request.Fault)
        {
            case FaultKind.Refusal:
                content = null;
                refusal = RefusalText;
                break;
            case FaultKind.Empty:
                content = string.Empty;
                break;
            case FaultKind.CutOff:
                content = TextPieces.FirstHalf(reply);
                finish = "length";
                break;
            default:
                break;
        }

        return new Completion(
            $"chatcmpl-fake-{request.Index}",
            state.Clock.GetUtcNow(),
            request.Model ?? DefaultModel,
            content,
            refusal,
            finish,
            Tokens.Prompt(request.Messages),
            Tokens.Words(content ?? refusal),
            usePrefixCache ? state.Cache.Observe(request.Messages) : 0);
    }
}
