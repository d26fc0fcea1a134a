using System.Data.Common;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Simulator.Core.Validation;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// Joins an Orleans silo or client to the cluster a cluster file describes: its ids, this node's
/// endpoints, membership and grain state in the cluster's PostgreSQL database (Orleans' ADO.NET
/// providers over Npgsql), and membership timing from <c>probe_seconds</c> and <c>missed_probes</c>.
/// Apply the schema first (<see cref="ClusterSchema.ApplyAsync"/>).
/// </summary>
public static class ClusterHosting
{
    /// <summary>The name grains give to <c>[PersistentState(..., StorageName)]</c> for state kept in the cluster's database.</summary>
    public const string StorageName = "simulator";

    /// <summary>The ADO.NET invariant name of Npgsql, by which Orleans' providers know it.</summary>
    public const string Invariant = "Npgsql";

    private static int _factoryRegistered;

    /// <summary>
    /// Makes this silo a node of the cluster: listening on <see cref="ClusterConfig.Host"/> at
    /// <paramref name="siloPort"/> (other nodes) and <paramref name="gatewayPort"/> (clients) and advertising that address.
    /// </summary>
    /// <exception cref="InvalidInputException">The host name does not resolve to an address.</exception>
    public static ISiloBuilder UseSimulatorCluster(this ISiloBuilder silo, ClusterConfig config, int siloPort, int gatewayPort)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(config);
        RegisterFactory();
        silo.Configure<ClusterOptions>(o => Identify(o, config));
        silo.ConfigureEndpoints(Address(config), siloPort, gatewayPort, listenOnAnyHostAddress: false);
        silo.Services.TryAddSingleton(_ => new ClusterDataSource(config));
        silo.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> o) => o.Configure<ClusterDataSource>((options, database) =>
        {
            options.Invariant = Invariant;
            options.DataSource = database.Source;
        }));
        silo.AddAdoNetGrainStorage(StorageName, o => o.Configure<ClusterDataSource>((options, database) =>
        {
            options.Invariant = Invariant;
            options.DataSource = database.Source;
        }));
        silo.Configure<ClusterMembershipOptions>(o => ClusterTiming.Apply(o, config));
        return silo;
    }

    /// <summary>Makes this client talk to the cluster: it finds the nodes' gateways in the membership table.</summary>
    public static IClientBuilder UseSimulatorCluster(this IClientBuilder client, ClusterConfig config)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(config);
        RegisterFactory();
        client.Configure<ClusterOptions>(o => Identify(o, config));
        client.Services.TryAddSingleton(_ => new ClusterDataSource(config));
        client.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> o) => o.Configure<ClusterDataSource>((options, database) =>
        {
            options.Invariant = Invariant;
            options.DataSource = database.Source;
        }));
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = ClusterTiming.Refresh(config));
        return client;
    }

    /// <summary>
    /// A TCP port free on the loopback address at the time of the call, for a node started without
    /// explicit ports (another process may still take it before the node binds it).
    /// </summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The address this node listens on and advertises: the file's host, resolved if it is a name (IPv4 first).</summary>
    internal static IPAddress Address(ClusterConfig config)
    {
        if (IPAddress.TryParse(config.Host, out var address))
        {
            return address;
        }

        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(config.Host);
        }
        catch (SocketException ex)
        {
            throw ClusterDatabase.Invalid(config, "host", $"the host name '{config.Host}' does not resolve: {ex.Message}", ex);
        }

        return found.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
            ?? throw ClusterDatabase.Invalid(config, "host", $"the host name '{config.Host}' resolves to no address");
    }

    private static void Identify(ClusterOptions options, ClusterConfig config)
    {
        options.ClusterId = config.Cluster;
        options.ServiceId = config.Service;
    }

    /// <summary>Registers Npgsql under its invariant name for ADO.NET code that looks providers up there.</summary>
    private static void RegisterFactory()
    {
        if (Interlocked.Exchange(ref _factoryRegistered, 1) == 0)
        {
            DbProviderFactories.RegisterFactory(Invariant, NpgsqlFactory.Instance);
        }
    }
}
