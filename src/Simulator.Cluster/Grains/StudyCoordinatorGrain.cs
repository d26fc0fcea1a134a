using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Simulator.Cluster.Hosting;
using Simulator.Storage.Runs;

namespace Simulator.Cluster.Grains;

/// <summary>
/// Hands a study's sessions out and follows them, once a second: pings every running session
/// (collecting the end of those that ended, and finding those whose node died: a fresh activation
/// that never ran them), then starts pending sessions up to the study's concurrency and each
/// endpoint's session slots; a session's end frees its slot at once. The ledger is written after
/// every tick that changed it.
/// </summary>
public sealed partial class StudyCoordinatorGrain(
    [PersistentState("study", ClusterHosting.StorageName)] IPersistentState<StudyLedger> ledger,
    IClusterMembershipService membership,
    ILogger<StudyCoordinatorGrain> log) : Grain, IStudyCoordinatorGrain
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(3);

    private readonly Dictionary<int, SessionPing> _pings = [];
    private readonly Dictionary<int, SiloAddress> _placed = [];
    private IGrainTimer? _timer;
    private Dictionary<int, int>? _positions;
    private bool _dirty;

    private StudyLedger Ledger => ledger.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Ledger.Order is not null && !IsFinished())
        {
            LogTakenOver(this.GetPrimaryKeyString(), Ledger.Phases.Count(p => p == SessionPhase.Running));
            StartTimer();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> SubmitAsync(StudyOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        // A client that restarted (its resumed study asks for the runs not yet complete: some of this
        // attempt's) joins the attempt in progress.
        var joins = !IsFinished() && Ledger.Order is { } current && current.Folder == order.Folder
            && order.Jobs.Select(j => j.RunId).ToHashSet(StringComparer.Ordinal).IsSubsetOf(current.Jobs.Select(j => j.RunId));
        if (joins)
        {
            // Runs a cancellation stopped before this client came back continue too.
            Ledger.Cancelled = false;
            foreach (var i in Ledger.Ended.Where(e => e.Value is { Status: RunStatus.Cancelled, Error: null }).Select(e => e.Key).ToList())
            {
                Ledger.Ended.Remove(i);
                Ledger.Phases[i] = SessionPhase.Pending;
            }
        }
        else
        {
            if (Ledger.Phases.Contains(SessionPhase.Running))
            {
                return $"the study in {order.Folder} is still running other sessions on the cluster; wait for them to end";
            }

            ledger.State = new StudyLedger { Order = order, Phases = [.. order.Jobs.Select(_ => SessionPhase.Pending)] };
            _pings.Clear();
            _positions = null;
        }

        await ledger.WriteStateAsync().ConfigureAwait(true);
        LogSubmitted(order.Folder, order.Jobs.Count, order.Concurrency);
        StartTimer();
        await TickAsync(CancellationToken.None).ConfigureAwait(true);
        return null;
    }

    /// <inheritdoc />
    public Task<StudyStatus> StatusAsync()
    {
        var running = Ledger.Phases.Count(p => p == SessionPhase.Running);
        var pending = Ledger.Phases.Count(p => p == SessionPhase.Pending);
        var ended = Ledger.Ended.Values;
        var live = _pings.Values;
        return Task.FromResult(new StudyStatus(
            [.. ended.OrderBy(r => r.Index)],
            Ledger.Cancelled ? 0 : pending,
            running,
            ended.Sum(r => (long)r.TurnsSeen) + live.Sum(p => (long)p.TurnsSeen),
            ended.Sum(r => r.Tokens) + live.Sum(p => p.Tokens),
            ended.Sum(r => r.Alerts) + live.Sum(p => p.Alerts),
            ActiveNodes().Count,
            Ledger.Restarts,
            IsFinished()));
    }

    /// <inheritdoc />
    public async Task EndedAsync(SessionReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Ledger.Order is null)
        {
            return;
        }

        // The freed slot is taken at once, not at the next tick. The ledger is saved by the tick: a
        // coordinator that dies before then finds the truth again by pinging (and a complete run
        // started again ends at once).
        Apply(Position(report.Index), report);
        if (!Ledger.Cancelled)
        {
            await DispatchAsync().ConfigureAwait(true);
        }
    }

    /// <inheritdoc />
    public async Task CancelAsync()
    {
        Ledger.Cancelled = true;
        await ledger.WriteStateAsync().ConfigureAwait(true);
        var running = Running().ToList();
        LogCancelling(this.GetPrimaryKeyString(), running.Count);
        await Task.WhenAll(running.Select(i => Quietly(Session(i).StopAsync()))).ConfigureAwait(true);
    }

    private void StartTimer() => _timer ??= this.RegisterGrainTimer(TickAsync, new GrainTimerCreationOptions
    {
        DueTime = Tick,
        Period = Tick,
        KeepAlive = true,
    });

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        if (Ledger.Order is null)
        {
            return;
        }

        await FollowAsync().ConfigureAwait(true);
        if (!Ledger.Cancelled)
        {
            await DispatchAsync().ConfigureAwait(true);
        }

        if (_dirty)
        {
            await SaveAsync().ConfigureAwait(true);
        }

        if (IsFinished())
        {
            _timer?.Dispose();
            _timer = null;
        }
    }

    /// <summary>Pings every running session: ended ones are collected, lost ones go back to pending.</summary>
    private async Task FollowAsync()
    {
        var running = Running().ToList();
        var pings = await Task.WhenAll(running.Select(async i =>
        {
            try
            {
                return (i, Ping: await Session(i).PingAsync().WaitAsync(PingTimeout).ConfigureAwait(true));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return (i, Ping: (SessionPing?)null);   // its node is unreachable: wait until it is declared dead
            }
        })).ConfigureAwait(true);

        foreach (var (i, ping) in pings)
        {
            if (ping is null || Ledger.Phases[i] != SessionPhase.Running)
            {
                continue;
            }

            if (ping.Ended is { } report)
            {
                Apply(i, report);
            }
            else if (ping.Running)
            {
                _pings[i] = ping;
                _placed.Remove(i);
            }
            else
            {
                // A fresh activation: the node that ran it died. Started again, it continues from its log.
                LogLost(Ledger.Order!.Jobs[i].RunId);
                Forget(i);
                Ledger.Phases[i] = SessionPhase.Pending;
                Ledger.Restarts++;
                _dirty = true;
            }
        }
    }

    /// <summary>
    /// Starts pending sessions while the study's concurrency and every endpoint's slots allow, each on
    /// the live node that runs the fewest of the study's sessions.
    /// </summary>
    private async Task DispatchAsync()
    {
        var order = Ledger.Order!;
        var nodes = ActiveNodes();
        var capacity = order.Concurrency ?? 2 * Environment.ProcessorCount * Math.Max(1, nodes.Count);
        var running = Running().ToList();
        var load = nodes.ToDictionary(n => n, n => running.Count(i => _pings.GetValueOrDefault(i)?.Node == n || _placed.GetValueOrDefault(i) == n));
        var perEndpoint = running.SelectMany(i => order.Jobs[i].Endpoints).CountBy(e => e).ToDictionary(StringComparer.Ordinal);
        var starting = new List<int>();
        for (var i = 0; i < order.Jobs.Count && running.Count + starting.Count < capacity; i++)
        {
            if (Ledger.Phases[i] != SessionPhase.Pending || !order.Jobs[i].Endpoints.All(e => perEndpoint.GetValueOrDefault(e) < order.EndpointSlots.GetValueOrDefault(e, int.MaxValue)))
            {
                continue;
            }

            foreach (var e in order.Jobs[i].Endpoints)
            {
                perEndpoint[e] = perEndpoint.GetValueOrDefault(e) + 1;
            }

            Ledger.Phases[i] = SessionPhase.Running;
            starting.Add(i);
            if (load.Count > 0)
            {
                var node = load.MinBy(l => l.Value).Key;
                load[node]++;
                _placed[i] = node;
            }
        }

        if (starting.Count == 0)
        {
            return;
        }

        _dirty = true;
        var key = this.GetPrimaryKeyString();
        var started = await Task.WhenAll(starting.Select(async i =>
        {
            var job = order.Jobs[i];
            try
            {
                if (_placed.GetValueOrDefault(i) is { } node)
                {
                    RequestContext.Set(IPlacementDirector.PlacementHintKey, node);
                }

                await Session(i).StartAsync(new SessionOrder(key, order.Folder, job.Index, job.RunId, job.Configuration)).WaitAsync(PingTimeout).ConfigureAwait(true);
                return (i, Ok: true);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogStartFailed(job.RunId, ex.Message);
                return (i, Ok: false);
            }
        })).ConfigureAwait(true);
        foreach (var (i, ok) in started.Where(s => !s.Ok))
        {
            Ledger.Phases[i] = SessionPhase.Pending;
        }
    }

    /// <summary>Takes a session's end: completed and failed runs are done; a run stopped while the study goes on starts again.</summary>
    private void Apply(int i, SessionReport report)
    {
        if (i < 0 || Ledger.Phases[i] == SessionPhase.Ended)
        {
            return;
        }

        var final = report.Error is not null || report.Status is RunStatus.Completed or RunStatus.Failed || Ledger.Cancelled;
        Forget(i);
        Ledger.Phases[i] = final ? SessionPhase.Ended : SessionPhase.Pending;
        if (final)
        {
            Ledger.Ended[i] = report;
        }

        _dirty = true;
    }

    private async Task SaveAsync()
    {
        _dirty = false;
        await ledger.WriteStateAsync().ConfigureAwait(true);
    }

    private void Forget(int i)
    {
        _pings.Remove(i);
        _placed.Remove(i);
    }

    private bool IsFinished() =>
        !Ledger.Phases.Contains(SessionPhase.Running) && (Ledger.Cancelled || !Ledger.Phases.Contains(SessionPhase.Pending));

    private IEnumerable<int> Running() => Enumerable.Range(0, Ledger.Phases.Count).Where(i => Ledger.Phases[i] == SessionPhase.Running);

    private int Position(int index)
    {
        _positions ??= Ledger.Order?.Jobs.Select((j, i) => (j.Index, i)).ToDictionary(x => x.Index, x => x.i) ?? [];
        return _positions.GetValueOrDefault(index, -1);
    }

    private ISessionGrain Session(int i) => GrainFactory.GetGrain<ISessionGrain>(SessionKey(Ledger.Order!.Folder, Ledger.Order.Jobs[i].RunId));

    /// <summary>The key of a run's session grain: its run folder.</summary>
    public static string SessionKey(string folder, string runId) => Path.Combine(folder, runId);

    private List<SiloAddress> ActiveNodes() => [.. membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)];

    private static async Task Quietly(Task call)
    {
        try
        {
            await call.WaitAsync(PingTimeout).ConfigureAwait(true);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unreachable session is stopped by its node's death; its run is resumable either way.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Folder}: {Jobs} sessions submitted, concurrency {Concurrency}")]
    private partial void LogSubmitted(string folder, int jobs, int? concurrency);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study {Folder}: coordinator taken over on this node with {Running} sessions running")]
    private partial void LogTakenOver(string folder, int running);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {RunId} was lost with its node; it starts again from its log")]
    private partial void LogLost(string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {RunId} could not be started: {Reason}")]
    private partial void LogStartFailed(string runId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Folder}: cancelling, {Running} sessions running")]
    private partial void LogCancelling(string folder, int running);
}
