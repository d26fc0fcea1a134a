using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Tests.Nodes;

namespace Simulator.Cluster.Tests;

/// <summary>
/// The test assembly's entry point. The test runner never calls it; <see cref="NodeProcess"/> runs it as
/// <c>dotnet Simulator.Cluster.Tests.dll node CLUSTER_FILE SILO_PORT GATEWAY_PORT</c> to host one silo of the
/// cluster (with this assembly's test grains) until its standard input closes or it is killed.
/// </summary>
public static class Program
{
    /// <summary>The first argument that asks for a node.</summary>
    public const string NodeCommand = "node";

    public static async Task<int> Main(string[] args)
    {
        if (args is not [NodeCommand, var file, var siloPort, var gatewayPort])
        {
            return 0;
        }

        var config = ClusterFile.Load(file);
        using var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleans(silo => silo.UseSimulatorCluster(config, int.Parse(siloPort, CultureInfo.InvariantCulture), int.Parse(gatewayPort, CultureInfo.InvariantCulture)))
            .Build();
        await host.StartAsync();
        Console.WriteLine(NodeProcess.JoinedLine + host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString());

        // The parent holds our standard input open for as long as it wants this node.
        await Task.Run(() => Console.In.ReadToEnd());
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await host.StopAsync(limit.Token);
        return 0;
    }
}
