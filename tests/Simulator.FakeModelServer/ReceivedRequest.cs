namespace Simulator.FakeModelServer;

/// <summary>One request as the fake server received it, with the fault it was given.</summary>
/// <param name="Index">0-based arrival index across all endpoints (the argument passed to <see cref="FakeServerOptions.Faults"/>).</param>
/// <param name="Path">The request path, e.g. <c>/v1/chat/completions</c>.</param>
/// <param name="Authorization">The raw <c>Authorization</c> header, if any.</param>
/// <param name="Model">The requested model, if any.</param>
/// <param name="Messages">The chat messages (empty for requests without a chat body).</param>
/// <param name="Seed">OpenAI <c>seed</c> or Ollama <c>options.seed</c>.</param>
/// <param name="Temperature">OpenAI <c>temperature</c> or Ollama <c>options.temperature</c>.</param>
/// <param name="TopP">OpenAI <c>top_p</c> or Ollama <c>options.top_p</c>.</param>
/// <param name="MaxTokens">OpenAI <c>max_tokens</c>/<c>max_completion_tokens</c> or Ollama <c>options.num_predict</c>.</param>
/// <param name="ResponseFormatType">OpenAI <c>response_format.type</c>; for Ollama <c>format</c>, the string given (e.g. <c>json</c>) or <c>json_schema</c> for a schema object.</param>
/// <param name="Stream">Whether a streamed answer was asked for.</param>
/// <param name="Fault">The fault applied to this request (<see cref="FaultKind.None"/> when it was rejected with 401 or 400).</param>
public sealed record ReceivedRequest(
    int Index,
    string Path,
    string? Authorization,
    string? Model,
    IReadOnlyList<ReceivedMessage> Messages,
    long? Seed,
    double? Temperature,
    double? TopP,
    int? MaxTokens,
    string? ResponseFormatType,
    bool Stream,
    FaultKind Fault);
