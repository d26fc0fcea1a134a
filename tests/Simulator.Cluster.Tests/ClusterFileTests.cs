using Simulator.Cluster.Hosting;
using Simulator.Core.Validation;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests;

public sealed class ClusterFileTests
{
    private const string Valid = """
        cluster: study-a
        service: simulator
        postgres: "Host=127.0.0.1;Port=5432;Database=simulator;Username=simulator"
        password_variable: SIMULATOR_PG_PASSWORD
        host: 127.0.0.1
        probe_seconds: 1.5
        missed_probes: 4
        """;

    [Fact]
    public void Load_TheExample_ReadsEveryField()
    {
        var path = Path.Combine(RepoPaths.Root, "protocols", "cluster", "local.yaml");

        var config = ClusterFile.Load(path);

        Assert.Equal(new ClusterConfig
        {
            File = path,
            Cluster = "simulator",
            Service = "simulator",
            Postgres = "Host=127.0.0.1;Port=5432;Database=simulator;Username=simulator",
            PasswordVariable = "SIMULATOR_PG_PASSWORD",
            Host = "127.0.0.1",
            ProbeSeconds = 2,
            MissedProbes = 3,
        }, config);
    }

    [Fact]
    public void Load_OnlyPostgres_TakesTheDefaults()
    {
        var path = Write("postgres: Host=db.example;Database=simulator;Username=simulator\n");

        var config = ClusterFile.Load(path);

        Assert.Equal(new ClusterConfig { File = path, Postgres = "Host=db.example;Database=simulator;Username=simulator" }, config);
    }

    [Fact]
    public void Load_Valid_ReadsUnderscoredFields()
    {
        var config = ClusterFile.Load(Write(Valid));

        Assert.Equal(("study-a", "SIMULATOR_PG_PASSWORD", 1.5, 4), (config.Cluster, config.PasswordVariable, config.ProbeSeconds, config.MissedProbes));
    }

    [Fact]
    public void Load_NoPostgres_NamesFileLineAndField()
    {
        var path = Write("cluster: study-a\nhost: 127.0.0.1\n");

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 1, "postgres"), (error.File, error.Line, error.Field));
        Assert.Contains("is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownField_NamesFileLineAndField()
    {
        var path = Write(Valid + "\nprobe_timeout: 3\n");

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 8, "probe_timeout"), (error.File, error.Line, error.Field));
        Assert.Contains("unknown field 'probe_timeout'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileField_IsUnknown()
    {
        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(Write(Valid + "\nfile: other.yaml\n")));

        Assert.Equal("file", error.Field);
    }

    [Theory]
    [InlineData("0.4")]
    [InlineData("60.5")]
    [InlineData("-1")]
    public void Load_ProbeSecondsOutOfRange_NamesFileLineAndField(string seconds)
    {
        var path = Write(Valid.Replace("probe_seconds: 1.5", $"probe_seconds: {seconds}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 6, "probe_seconds"), (error.File, error.Line, error.Field));
        Assert.Contains("between 0.5 and 60", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProbeSecondsNotANumber_NamesFileLineAndField()
    {
        var path = Write(Valid.Replace("probe_seconds: 1.5", "probe_seconds: soon", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 6, "probe_seconds"), (error.File, error.Line, error.Field));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void Load_MissedProbesOutOfRange_NamesFileLineAndField(string missed)
    {
        var path = Write(Valid.Replace("missed_probes: 4", $"missed_probes: {missed}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 7, "missed_probes"), (error.File, error.Line, error.Field));
    }

    [Theory]
    [InlineData("not a host!")]
    [InlineData("0.0.0.0")]
    [InlineData("''")]
    public void Load_HostNeitherAddressNorName_NamesFileLineAndField(string host)
    {
        var path = Write(Valid.Replace("host: 127.0.0.1", $"host: {host}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 5, "host"), (error.File, error.Line, error.Field));
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("node-1.cluster.local")]
    public void Load_HostAddressOrName_IsAccepted(string host)
    {
        var config = ClusterFile.Load(Write(Valid.Replace("host: 127.0.0.1", $"host: '{host}'", StringComparison.Ordinal)));

        Assert.Equal(host, config.Host);
    }

    [Fact]
    public void Load_PasswordInPostgres_IsRefusedWithoutEchoingIt()
    {
        var path = Write(Valid.Replace("Username=simulator\"", "Username=simulator;Password=hunter2\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(path));

        Assert.Equal((path, 3, "postgres"), (error.File, error.Line, error.Field));
        Assert.Contains("password_variable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PostgresNotAConnectionString_NamesField()
    {
        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(Write("postgres: just a name\n")));

        Assert.Equal((1, "postgres"), (error.Line, error.Field));
    }

    [Fact]
    public void Load_PasswordVariableNotAName_NamesField()
    {
        var error = Assert.Throws<InvalidInputException>(() => ClusterFile.Load(Write(Valid.Replace("SIMULATOR_PG_PASSWORD", "$PASSWORD", StringComparison.Ordinal))));

        Assert.Equal((4, "password_variable"), (error.Line, error.Field));
    }

    private static string Write(string yaml)
    {
        var path = Path.Combine(RepoPaths.TempFolder("cluster-file"), "cluster.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
