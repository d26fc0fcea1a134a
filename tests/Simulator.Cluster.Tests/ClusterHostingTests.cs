using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using Simulator.Cluster.Hosting;
using Simulator.Core.Validation;

namespace Simulator.Cluster.Tests;

public sealed class ClusterHostingTests
{
    [Fact]
    public void Membership_DefaultFile_SuspectsAfterThreeProbesOfTwoSeconds()
    {
        var options = new ClusterMembershipOptions();

        ClusterTiming.Apply(options, new ClusterConfig { Postgres = "Host=db" });

        Assert.Equal(TimeSpan.FromSeconds(2), options.ProbeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(4), options.MaxProbeTimeout);
        Assert.Equal(3, options.NumMissedProbesLimit);
        Assert.Equal(2, options.NumVotesForDeathDeclaration);
        Assert.Equal(TimeSpan.FromSeconds(6), options.IAmAliveTablePublishTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), options.TableRefreshTimeout);
        Assert.Equal(TimeSpan.FromHours(1), options.DefunctSiloExpiration);
    }

    [Fact]
    public void Open_WithPasswordVariable_ShowsNoPassword()
    {
        const string variable = "SIMULATOR_TEST_HOSTING_PASSWORD";
        Environment.SetEnvironmentVariable(variable, "s3cret-value");

        using var source = ClusterDatabase.Open(new ClusterConfig { Postgres = "Host=127.0.0.1;Database=simulator;Username=simulator", PasswordVariable = variable });

        Assert.DoesNotContain("s3cret-value", source.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("Application Name=simulator-cluster", source.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void Address_HostName_ResolvesToAnAddress()
    {
        var address = ClusterHosting.Address(new ClusterConfig { Host = "localhost" });

        Assert.True(IPAddress.IsLoopback(address));
    }

    [Fact]
    public void Address_UnknownHostName_NamesHost()
    {
        var error = Assert.Throws<InvalidInputException>(() => ClusterHosting.Address(new ClusterConfig { Host = "no-such-node.invalid" }));

        Assert.Equal("host", error.Field);
    }

    [Fact]
    public void FreePort_CanBeBound()
    {
        var port = ClusterHosting.FreePort();

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Assert.Equal(port, ((IPEndPoint)listener.LocalEndpoint).Port);
    }
}
