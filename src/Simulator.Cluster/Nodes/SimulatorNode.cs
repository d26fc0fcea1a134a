using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Executor;
using Simulator.Cluster.Hosting;
using Simulator.Engine.Hosting;
using Simulator.Models.Endpoints;

namespace Simulator.Cluster.Nodes;

/// <summary>
/// A node of the cluster (<c>simulator node --cluster</c>): an Orleans silo with the simulator's
/// services — catalogs, models and the run service, configured as the command line is — whose
/// endpoint limits are the cluster's. Session grains run here; study coordinators may too.
/// </summary>
public static class SimulatorNode
{
    /// <summary>
    /// Builds a node's host, logging through <paramref name="logging"/>; start it with <c>StartAsync</c>
    /// after <see cref="ClusterSchema.ApplyAsync"/>. Ports are this node's (see <see cref="ClusterHosting.FreePort"/>).
    /// </summary>
    public static IHost Build(IConfiguration configuration, ClusterConfig cluster, int siloPort, int gatewayPort, ILoggerFactory logging)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(logging);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton(logging));
        builder.Services.AddSimulator(builder.Configuration);
        builder.Services.Replace(ServiceDescriptor.Singleton<IEndpointLimiterFactory, ClusterEndpointLimiters>());
        builder.UseOrleans(silo => silo.UseSimulatorCluster(cluster, siloPort, gatewayPort));
        return builder.Build();
    }
}
