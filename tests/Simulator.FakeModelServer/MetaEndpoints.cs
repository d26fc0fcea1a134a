using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary>Bodiless endpoints: fixed JSON answers, and 404 for unknown paths. Both are recorded and can be faulted.</summary>
internal static class MetaEndpoints
{
    public static async Task AnswerAsync(HttpContext context, ServerState state, byte[] body)
    {
        if (await RequestGate.AdmitAsync(context, state, ChatDialect.None) is not { } admission)
        {
            return;
        }

        await (admission.Request.Fault == FaultKind.TruncatedBody
            ? ResponseWriter.TruncatedAsync(context, ResponseWriter.Json, body)
            : ResponseWriter.WholeAsync(context, StatusCodes.Status200OK, body));
    }

    public static async Task NotFoundAsync(HttpContext context, ServerState state)
    {
        if (await RequestGate.AdmitAsync(context, state, ChatDialect.None) is null)
        {
            return;
        }

        var path = context.Request.Path.Value ?? string.Empty;
        await ResponseWriter.WholeAsync(context, StatusCodes.Status404NotFound, path.StartsWith("/api/", StringComparison.Ordinal)
            ? ErrorBodies.Ollama($"404 page not found: {path}")
            : ErrorBodies.OpenAi($"Unknown request URL: {context.Request.Method} {path}.", "invalid_request_error", "unknown_url"));
    }
}
