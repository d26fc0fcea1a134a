using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary><c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>.</summary>
internal static class OpenAiEndpoints
{
    private const string EventStream = "text/event-stream";

    public static async Task ChatAsync(HttpContext context, ServerState state)
    {
        if (await RequestGate.AdmitAsync(context, state, ChatDialect.OpenAi) is not { } admission)
        {
            return;
        }

        var completion = admission.Answer ?? CompletionFactory.Create(admission.Request, state, usePrefixCache: true);
        var truncated = admission.Request.Fault == FaultKind.TruncatedBody;
        if (!admission.Chat.Stream)
        {
            var body = OpenAiBodies.Completion(completion);
            await (truncated
                ? ResponseWriter.TruncatedAsync(context, ResponseWriter.Json, body)
                : ResponseWriter.WholeAsync(context, StatusCodes.Status200OK, body));
            return;
        }

        var events = OpenAiBodies.StreamEvents(completion, admission.Chat.IncludeUsage);
        await (truncated
            ? ResponseWriter.TruncatedStreamAsync(context, EventStream, events)
            : ResponseWriter.StreamAsync(context, EventStream, events));
    }

    public static Task ModelsAsync(HttpContext context, ServerState state) =>
        MetaEndpoints.AnswerAsync(context, state, OpenAiBodies.Models());
}
