using YamlDotNet.Serialization;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// A cluster file (<c>--cluster cluster.yaml</c>, DESIGN §11): which Orleans cluster to join and the
/// PostgreSQL database that holds its membership and grain state. Every node and every client of one
/// cluster reads the same file; ports are per node.
/// </summary>
public sealed record ClusterConfig
{
    /// <summary>The file this was read from (for errors), or empty for one built in code; never read from the file itself.</summary>
    [YamlIgnore]
    public string File { get; init; } = "";

    /// <summary>The Orleans cluster id: nodes with the same id and database form one cluster.</summary>
    public string Cluster { get; init; } = "simulator";

    /// <summary>The Orleans service id (grain state is kept per service).</summary>
    public string Service { get; init; } = "simulator";

    /// <summary>The Npgsql connection string, without a password.</summary>
    public string Postgres { get; init; } = "";

    /// <summary>The environment variable that holds the database password, if it needs one (never written in the file).</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>The address nodes listen on and advertise to each other (default loopback).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Seconds a membership probe may take before it counts as missed.</summary>
    public double ProbeSeconds { get; init; } = 2;

    /// <summary>Missed probes after which a node is suspected; enough suspicions declare it dead and its sessions move.</summary>
    public int MissedProbes { get; init; } = 3;
}
