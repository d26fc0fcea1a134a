namespace Simulator.FakeModelServer;

/// <summary>What every endpoint of one server shares.</summary>
internal sealed class ServerState(FakeServerOptions options) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public FakeServerOptions Options { get; } = options;

    public RequestLog Log { get; } = new(options.KeepRequests);

    public PrefixCache Cache { get; } = new();

    /// <summary>Only for timestamps in bodies; delays use real time.</summary>
    public TimeProvider Clock { get; } = TimeProvider.System;

    /// <summary>Cancelled when the server is disposed, so stalls and latencies end at once.</summary>
    public CancellationToken Stopping => _stopping.Token;

    public Task StopAsync() => _stopping.CancelAsync();

    public void Dispose() => _stopping.Dispose();
}
