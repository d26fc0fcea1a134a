namespace Simulator.Models.Resilience;

/// <summary>One failed attempt, classified. Its message never contains the endpoint's key.</summary>
public sealed class ModelFaultException(ModelFaultKind kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>What went wrong.</summary>
    public ModelFaultKind Kind { get; } = kind;

    /// <summary>How long the server asked us to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>True when another attempt may succeed.</summary>
    public bool IsRetryable => Kind != ModelFaultKind.Rejected;

    /// <summary>True for faults that say the endpoint itself is unwell (they feed its circuit breaker).</summary>
    public bool IsEndpointFault => Kind is ModelFaultKind.ServerError or ModelFaultKind.Timeout or ModelFaultKind.Connection or ModelFaultKind.Unreadable;

    /// <summary>The short form recorded in ModelCalled events: <c>kind: message</c>.</summary>
    public string Summary => $"{Kind}: {Message}";
}
