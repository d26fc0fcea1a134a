using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.Nodes;

/// <summary>An Orleans client of the cluster in the test process; it finds the gateways in the membership table.</summary>
public sealed class TestClient : IAsyncDisposable
{
    private readonly IHost _host;

    private TestClient(IHost host) => _host = host;

    /// <summary>The connected client.</summary>
    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<TestClient> StartAsync(ClusterConfig config, CancellationToken cancellationToken)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleansClient(client => client.UseSimulatorCluster(config))
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new TestClient(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(limit.Token);
        _host.Dispose();
    }
}
