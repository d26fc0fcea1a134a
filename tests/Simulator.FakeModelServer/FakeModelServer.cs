using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Simulator.FakeModelServer;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port) that stands in for OpenAI-compatible servers
/// (<c>/v1/chat/completions</c>, <c>/v1/models</c>) and Ollama (<c>/api/chat</c>, <c>/api/tags</c>,
/// <c>/api/version</c>), with latency, injected faults and a record of every request.
/// </summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ServerState _state;
    private int _disposed;

    private FakeModelServer(WebApplication app, ServerState state, int port)
    {
        _app = app;
        _state = state;
        Root = new Uri($"http://127.0.0.1:{port}/");
        BaseUrl = new Uri(Root, "v1/");
    }

    /// <summary>The OpenAI-compatible base URL, <c>http://127.0.0.1:PORT/v1/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server root, <c>http://127.0.0.1:PORT/</c> (the Ollama base address).</summary>
    public Uri Root { get; }

    /// <summary>A snapshot of the requests received so far, in arrival order (none when <see cref="FakeServerOptions.KeepRequests"/> is false).</summary>
    public IReadOnlyCollection<ReceivedRequest> Requests => _state.Log.Snapshot();

    /// <summary>How many requests have been recorded.</summary>
    public int RequestCount => _state.Log.Count;

    /// <summary>Starts a server listening on 127.0.0.1 with a port the OS picks.</summary>
    public static async Task<FakeModelServer> StartAsync(FakeServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new ServerState(options);
        var app = FakeServerHost.Build(state);
        try
        {
            await app.StartAsync(ct);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new FakeModelServer(app, state, new Uri(address).Port);
        }
        catch
        {
            await app.DisposeAsync();
            state.Dispose();
            throw;
        }
    }

    /// <summary>Forgets the recorded requests and the simulated prompt cache, and restarts arrival indices at 0.</summary>
    public void Clear()
    {
        _state.Log.Clear();
        _state.Cache.Clear();
    }

    /// <summary>Ends stalls and latencies at once, stops the server and frees the port.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _state.StopAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopped as far as it would within the timeout; disposing finishes the job.
            }
        }

        await _app.DisposeAsync();
        _state.Dispose();
    }
}
