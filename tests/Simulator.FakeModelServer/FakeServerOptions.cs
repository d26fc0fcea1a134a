namespace Simulator.FakeModelServer;

/// <summary>How a <see cref="FakeModelServer"/> behaves.</summary>
public sealed record FakeServerOptions
{
    /// <summary>Delay before every answer (cut short when the client aborts). Default none.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>Maps a request's 0-based arrival index (across all endpoints) to a fault; null means no faults.</summary>
    public Func<int, FaultKind>? Faults { get; init; }

    /// <summary>Maps a parsed request (by its model, messages, format...) to a fault, where <see cref="Faults"/> gave none.</summary>
    public Func<ReceivedRequest, FaultKind>? FaultFor { get; init; }

    /// <summary>When set, requests without <c>Authorization: Bearer &lt;key&gt;</c> get 401.</summary>
    public string? ExpectedApiKey { get; init; }

    /// <summary>Sent on 429 as <c>retry-after-ms</c> and (rounded up to seconds) <c>Retry-After</c>. Default 200 ms.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The reply text for a request; null gives a deterministic default derived from the request.</summary>
    public Func<ReceivedRequest, string>? Reply { get; init; }

    /// <summary>
    /// Whether every request is kept for <see cref="FakeModelServer.Requests"/>. Default true. A load test
    /// sets it false: the server then only counts requests (<see cref="FakeModelServer.RequestCount"/>) and
    /// makes a plain request's answer on arrival, letting its prompt go before it waits out the latency,
    /// so the prompts of thousands of calls do not stay on the heap of the process it shares with the engine.
    /// </summary>
    public bool KeepRequests { get; init; } = true;

    /// <summary>How long a <see cref="FaultKind.Stall"/> waits before answering (ends early when the client aborts). Default 30 s.</summary>
    public TimeSpan StallFor { get; init; } = TimeSpan.FromSeconds(30);
}
