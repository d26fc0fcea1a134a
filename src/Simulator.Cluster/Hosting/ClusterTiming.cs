using Orleans.Configuration;

namespace Simulator.Cluster.Hosting;

/// <summary>
/// Orleans' membership timing derived from a cluster file's <c>probe_seconds</c> and <c>missed_probes</c>:
/// a node that stops answering is suspected after about <c>missed_probes × probe_seconds</c> and declared
/// dead on the next vote, so with the defaults (2 s, 3) a killed node is dead within about 10 to 15 s.
/// </summary>
internal static class ClusterTiming
{
    /// <summary>Votes that declare a node dead. Orleans asks for at most half the active nodes, rounded up, so one vote suffices when two nodes remain.</summary>
    public const int VotesForDeath = 2;

    /// <summary>How long dead nodes' rows stay in the membership table (beyond Orleans' one-hour minimum retention).</summary>
    public static readonly TimeSpan DeadRowsKept = TimeSpan.FromHours(1);

    /// <summary>Sets the membership options of a node of the cluster <paramref name="config"/> describes.</summary>
    public static void Apply(ClusterMembershipOptions options, ClusterConfig config)
    {
        var probe = TimeSpan.FromSeconds(config.ProbeSeconds);
        options.ProbeTimeout = probe;

        // Orleans adapts each probe's timeout to observed answers, by default up to four times ProbeTimeout;
        // twice keeps the time to suspicion close to what the file says.
        options.MaxProbeTimeout = probe * 2;
        options.NumMissedProbesLimit = config.MissedProbes;
        options.NumVotesForDeathDeclaration = VotesForDeath;
        options.IAmAliveTablePublishTimeout = Heartbeat(config);
        options.TableRefreshTimeout = Refresh(config);
        options.DefunctSiloExpiration = DeadRowsKept;
    }

    /// <summary>How often a node writes its heartbeat to the membership table (3 missed ones mark its row stale).</summary>
    public static TimeSpan Heartbeat(ClusterConfig config) =>
        TimeSpan.FromSeconds(Math.Clamp(config.ProbeSeconds * config.MissedProbes, 2, 30));

    /// <summary>How often nodes re-read the membership table, and clients the list of gateways, besides gossip.</summary>
    public static TimeSpan Refresh(ClusterConfig config) =>
        TimeSpan.FromSeconds(Math.Clamp(config.ProbeSeconds * 5, 5, 60));
}
