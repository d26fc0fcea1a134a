using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary>Ollama's native <c>POST /api/chat</c>, <c>GET /api/tags</c> and <c>GET /api/version</c>.</summary>
internal static class OllamaEndpoints
{
    private const string Ndjson = "application/x-ndjson";

    public static async Task ChatAsync(HttpContext context, ServerState state)
    {
        if (await RequestGate.AdmitAsync(context, state, ChatDialect.Ollama) is not { } admission)
        {
            return;
        }

        var completion = admission.Answer ?? CompletionFactory.Create(admission.Request, state, usePrefixCache: false);
        var duration = state.Options.Latency;
        var truncated = admission.Request.Fault == FaultKind.TruncatedBody;
        if (!admission.Chat.Stream)
        {
            var body = OllamaBodies.Whole(completion, duration);
            await (truncated
                ? ResponseWriter.TruncatedAsync(context, ResponseWriter.Json, body)
                : ResponseWriter.WholeAsync(context, StatusCodes.Status200OK, body));
            return;
        }

        var lines = OllamaBodies.StreamLines(completion, duration);
        await (truncated
            ? ResponseWriter.TruncatedStreamAsync(context, Ndjson, lines)
            : ResponseWriter.StreamAsync(context, Ndjson, lines));
    }

    public static Task TagsAsync(HttpContext context, ServerState state) =>
        MetaEndpoints.AnswerAsync(context, state, OllamaBodies.Tags());

    public static Task VersionAsync(HttpContext context, ServerState state) =>
        MetaEndpoints.AnswerAsync(context, state, OllamaBodies.Version());
}
