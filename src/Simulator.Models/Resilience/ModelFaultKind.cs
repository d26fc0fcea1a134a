namespace Simulator.Models.Resilience;

/// <summary>What went wrong with one attempt at a model call.</summary>
public enum ModelFaultKind
{
    /// <summary>HTTP 429: retried after the server's Retry-After, on its own allowance.</summary>
    RateLimited,

    /// <summary>HTTP 5xx.</summary>
    ServerError,

    /// <summary>No complete answer within the endpoint's per-attempt timeout.</summary>
    Timeout,

    /// <summary>The connection failed or broke off.</summary>
    Connection,

    /// <summary>An answer that is not the protocol's JSON (garbage, a truncated body).</summary>
    Unreadable,

    /// <summary>A reply with no text.</summary>
    Empty,

    /// <summary>A reply cut off at the token cap.</summary>
    CutOff,

    /// <summary>A structured call's reply that is not JSON, or not the JSON its schema asks for.</summary>
    NotJson,

    /// <summary>The model refused (the provider's refusal field).</summary>
    Refusal,

    /// <summary>The endpoint's circuit breaker is open after repeated faults.</summary>
    CircuitOpen,

    /// <summary>A request the server will never accept (400, 401, 403, 404): not retried.</summary>
    Rejected,
}
