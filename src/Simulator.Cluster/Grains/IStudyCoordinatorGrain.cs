namespace Simulator.Cluster.Grains;

/// <summary>
/// The coordinator of one study on the cluster (DESIGN §11), keyed by the study folder: it hands the
/// study's sessions to session grains as capacity allows, tracks them with pings, starts again those
/// whose node died (they continue from their logs), and gathers how each ended. Its ledger is grain
/// state in PostgreSQL, so a coordinator whose node died carries on from it on another node.
/// </summary>
public interface IStudyCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>
    /// Takes a study's sessions. Sessions of the attempt in progress submitted again (a client that
    /// restarted and resumes the study) join it; other sessions replace a finished or cancelled attempt. Returns why the
    /// order was refused (another attempt with other sessions is still running), or null.
    /// </summary>
    Task<string?> SubmitAsync(StudyOrder order);

    /// <summary>Where the study is: each ended session's report and the live counters.</summary>
    Task<StudyStatus> StatusAsync();

    /// <summary>A session grain reports its end.</summary>
    Task EndedAsync(SessionReport report);

    /// <summary>Starts no more sessions and stops those running after their current turn.</summary>
    Task CancelAsync();
}

/// <summary>A study handed to the cluster.</summary>
/// <param name="Folder">The study folder (absolute; every node must reach it).</param>
/// <param name="Jobs">The sessions to run.</param>
/// <param name="Concurrency">Sessions at once across the cluster, or null for two per core of every live node.</param>
/// <param name="EndpointSlots">Sessions at once per model endpoint (the endpoint's <c>MaxConcurrency</c>).</param>
[GenerateSerializer, Immutable, Alias("simulator.StudyOrder")]
public sealed record StudyOrder(
    [property: Id(0)] string Folder,
    [property: Id(1)] IReadOnlyList<StudyOrderJob> Jobs,
    [property: Id(2)] int? Concurrency,
    [property: Id(3)] IReadOnlyDictionary<string, int> EndpointSlots);

/// <summary>One session of a study order.</summary>
/// <param name="Index">Its index in the study.</param>
/// <param name="RunId">Its run folder's name.</param>
/// <param name="Configuration">Its configuration, MessagePack-encoded as the event log writes it.</param>
/// <param name="Endpoints">The model endpoints it calls.</param>
[GenerateSerializer, Immutable, Alias("simulator.StudyOrderJob")]
public sealed record StudyOrderJob(
    [property: Id(0)] int Index,
    [property: Id(1)] string RunId,
    [property: Id(2)] byte[] Configuration,
    [property: Id(3)] IReadOnlyList<string> Endpoints);

/// <summary>A study's state on the cluster.</summary>
/// <param name="Ended">The report of every session that ended for good (completed, failed, or stopped by cancellation).</param>
/// <param name="Pending">Sessions waiting to start (again).</param>
/// <param name="Running">Sessions running.</param>
/// <param name="TurnsSeen">Turns run by this attempt, ended sessions' and running ones'.</param>
/// <param name="Tokens">Tokens of this attempt's model calls.</param>
/// <param name="Alerts">Alerts raised in this attempt.</param>
/// <param name="Nodes">Live nodes.</param>
/// <param name="Restarts">Sessions started again after their node was lost.</param>
/// <param name="Finished">Nothing is running and nothing more will start.</param>
[GenerateSerializer, Immutable, Alias("simulator.StudyStatus")]
public sealed record StudyStatus(
    [property: Id(0)] IReadOnlyList<SessionReport> Ended,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Running,
    [property: Id(3)] long TurnsSeen,
    [property: Id(4)] long Tokens,
    [property: Id(5)] long Alerts,
    [property: Id(6)] int Nodes,
    [property: Id(7)] int Restarts,
    [property: Id(8)] bool Finished);
