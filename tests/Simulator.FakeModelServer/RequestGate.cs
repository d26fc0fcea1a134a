using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary>
/// The common front of every endpoint: take an arrival index and its fault, parse and record the
/// request, wait the latency, then answer 401, 400 or an error fault, or wait out a stall.
/// </summary>
internal static class RequestGate
{
    /// <summary>Returns null when the request has already been answered (or dropped).</summary>
    public static async Task<Admission?> AdmitAsync(HttpContext context, ServerState state, ChatDialect dialect)
    {
        var index = state.Log.NextIndex();
        var fault = state.Options.Faults?.Invoke(index) ?? FaultKind.None;
        var chat = dialect == ChatDialect.None ? ParsedChat.None : await ParseAsync(context, dialect);
        var authorization = context.Request.Headers.Authorization.Count == 0 ? null : context.Request.Headers.Authorization.ToString();
        var authorized = state.Options.ExpectedApiKey is not { } key
            || string.Equals(authorization, "Bearer " + key, StringComparison.Ordinal);
        if (!authorized || chat is null)
        {
            fault = FaultKind.None;
        }

        var valid = chat ?? ParsedChat.None;
        var request = new ReceivedRequest(
            index, context.Request.Path.Value ?? string.Empty, authorization, valid.Model, valid.Messages,
            valid.Seed, valid.Temperature, valid.TopP, valid.MaxTokens, valid.ResponseFormatType, valid.Stream, fault);
        if (fault == FaultKind.None && authorized && chat is not null && state.Options.FaultFor is { } faultFor)
        {
            request = request with { Fault = fault = faultFor(request) };
        }

        state.Log.Add(request);

        // When requests are not kept (a load test), a plain request's answer is made now and its prompt let
        // go, so the thousands of requests waiting out their latency do not hold their prompts on the heap
        // of the process the server shares with the engine under test.
        Completion? answer = null;
        if (!state.Options.KeepRequests && authorized && chat is not null && fault == FaultKind.None)
        {
            answer = CompletionFactory.Create(request, state, usePrefixCache: dialect == ChatDialect.OpenAi);
            request = request with { Messages = [] };
            chat = chat with { Messages = [] };
        }

        if (!await Waits.DelayAsync(state.Options.Latency, context, state))
        {
            return null;
        }

        var ollama = context.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal);
        if (!authorized)
        {
            await ResponseWriter.WholeAsync(context, StatusCodes.Status401Unauthorized, ollama
                ? ErrorBodies.Ollama("unauthorized")
                : ErrorBodies.OpenAi("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
            return null;
        }

        if (chat is null)
        {
            await ResponseWriter.WholeAsync(context, StatusCodes.Status400BadRequest, ollama
                ? ErrorBodies.Ollama("invalid request body")
                : ErrorBodies.OpenAi("We could not parse the JSON body of your request.", "invalid_request_error", null));
            return null;
        }

        switch (fault)
        {
            case FaultKind.RateLimited:
                await ResponseWriter.RateLimitedAsync(context, state.Options.RetryAfter, ollama
                    ? ErrorBodies.Ollama("rate limit reached")
                    : ErrorBodies.OpenAi("Rate limit reached", "rate_limit_error", "rate_limit_exceeded"));
                return null;
            case FaultKind.ServerError:
                await ResponseWriter.WholeAsync(context, StatusCodes.Status500InternalServerError, ollama
                    ? ErrorBodies.Ollama("internal server error")
                    : ErrorBodies.OpenAi("The server had an error while processing your request.", "server_error", null));
                return null;
            case FaultKind.Garbage:
                await ResponseWriter.WholeAsync(context, StatusCodes.Status200OK, ErrorBodies.Garbage);
                return null;
            case FaultKind.Stall when !await Waits.DelayAsync(state.Options.StallFor, context, state):
                return null;
            default:
                return new Admission(request, chat, answer);
        }
    }

    private static async Task<ParsedChat?> ParseAsync(HttpContext context, ChatDialect dialect)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return ChatRequestParser.Parse(document.RootElement, dialect);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
