using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.Nodes;

/// <summary>A silo of the cluster hosted in the test process, on free ports, stopped gracefully at the end.</summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private TestSilo(IHost host) => _host = host;

    /// <summary>The silo's address in Orleans' parsable form (address:port@generation).</summary>
    public string Address => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    /// <summary>The silo's services (its grain factory, membership table, ...).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Calls grains from inside the silo.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a silo that has joined the cluster when this returns.</summary>
    public static async Task<TestSilo> StartAsync(ClusterConfig config, CancellationToken cancellationToken)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .UseOrleans(silo => silo.UseSimulatorCluster(config, ClusterHosting.FreePort(), ClusterHosting.FreePort()))
            .Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new TestSilo(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Leaves the cluster gracefully (within a bounded time) and releases the host.</summary>
    public async Task StopAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
