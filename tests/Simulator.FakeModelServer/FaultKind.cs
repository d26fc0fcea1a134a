namespace Simulator.FakeModelServer;

/// <summary>A fault the fake server injects into one request.</summary>
public enum FaultKind
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>HTTP 429 with <c>retry-after-ms</c> and <c>Retry-After</c> headers and an OpenAI-style error body.</summary>
    RateLimited,

    /// <summary>HTTP 500 with an error body.</summary>
    ServerError,

    /// <summary>Wait <see cref="FakeServerOptions.StallFor"/> (or until the client gives up), then answer normally.</summary>
    Stall,

    /// <summary>HTTP 200 announcing the full body length, writing only its first half, then aborting the connection.</summary>
    TruncatedBody,

    /// <summary>HTTP 200, <c>application/json</c>, with an HTML body.</summary>
    Garbage,

    /// <summary>A valid completion whose message is a refusal (<c>content</c> null, <c>refusal</c> set).</summary>
    Refusal,

    /// <summary>A valid completion with empty content.</summary>
    Empty,

    /// <summary>A valid completion with half the reply and finish reason <c>length</c>.</summary>
    CutOff,
}
