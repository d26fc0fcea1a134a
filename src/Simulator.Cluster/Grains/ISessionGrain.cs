namespace Simulator.Cluster.Grains;

/// <summary>
/// One running session of a study (DESIGN §11), keyed by its run folder. It runs where Orleans placed
/// it, writing to the shared study folder; if its node dies, the next call activates it afresh on a
/// live node, where it knows nothing — which is how the coordinator learns to start it again, and the
/// run continues from its log.
/// </summary>
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Starts (or continues from its log) the run; returns at once. Nothing happens if it is already running.</summary>
    Task StartAsync(SessionOrder order);

    /// <summary>How the run is doing: running, ended (with its report), or neither (this activation never ran it).</summary>
    Task<SessionPing> PingAsync();

    /// <summary>Stops the run after its current turn (it ends cancelled, resumable).</summary>
    Task StopAsync();
}

/// <summary>What a session grain is asked to run.</summary>
/// <param name="Coordinator">The key of the study coordinator to report to.</param>
/// <param name="Folder">The study folder: the run's runs root, reachable from every node.</param>
/// <param name="Index">The run's index in the study.</param>
/// <param name="RunId">The run's folder name.</param>
/// <param name="Configuration">The run's configuration, MessagePack-encoded as the event log writes it.</param>
[GenerateSerializer, Immutable, Alias("simulator.SessionOrder")]
public sealed record SessionOrder(
    [property: Id(0)] string Coordinator,
    [property: Id(1)] string Folder,
    [property: Id(2)] int Index,
    [property: Id(3)] string RunId,
    [property: Id(4)] byte[] Configuration);

/// <summary>A session's answer to a ping.</summary>
/// <param name="Running">The run is in progress on this activation.</param>
/// <param name="TurnsSeen">Turns saved by this activation so far.</param>
/// <param name="Tokens">Prompt and completion tokens of this activation's model calls.</param>
/// <param name="Alerts">Alerts raised so far by this activation's monitor.</param>
/// <param name="Ended">The report of the run's end, once it ended on this activation.</param>
/// <param name="Node">The node the activation is on.</param>
[GenerateSerializer, Immutable, Alias("simulator.SessionPing")]
public sealed record SessionPing(
    [property: Id(0)] bool Running,
    [property: Id(1)] int TurnsSeen,
    [property: Id(2)] long Tokens,
    [property: Id(3)] long Alerts,
    [property: Id(4)] SessionReport? Ended,
    [property: Id(5)] SiloAddress Node);

/// <summary>How a session ended on a node.</summary>
/// <param name="Index">The run's index in the study.</param>
/// <param name="Status">The run's status (completed, failed, cancelled), or null when it raised an error before it had one.</param>
/// <param name="Turns">Turns in its log.</param>
/// <param name="TurnsSeen">Turns this activation ran (the rest were in the log before).</param>
/// <param name="ContentHash">The run's content hash, when it has a result.</param>
/// <param name="EndReason">Why it ended, when it has a result.</param>
/// <param name="Error">Why it failed, or null.</param>
/// <param name="Node">The node it ran on.</param>
/// <param name="Tokens">Prompt and completion tokens of this activation's model calls.</param>
/// <param name="Alerts">Alerts raised by this activation's monitor.</param>
[GenerateSerializer, Immutable, Alias("simulator.SessionReport")]
public sealed record SessionReport(
    [property: Id(0)] int Index,
    [property: Id(1)] string? Status,
    [property: Id(2)] int Turns,
    [property: Id(3)] int TurnsSeen,
    [property: Id(4)] string? ContentHash,
    [property: Id(5)] string? EndReason,
    [property: Id(6)] string? Error,
    [property: Id(7)] string Node,
    [property: Id(8)] long Tokens,
    [property: Id(9)] long Alerts);
