using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Simulator.Agents.Appraisal;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Time;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Monitoring.Alerts;
using Simulator.Monitoring.Guard;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Worker;
using Simulator.Reports.Transcripts;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// Runs sessions into run folders: creates a run's folder, manifest and opening events, runs the
/// session with its log writer and monitor beside it, and leaves the log ended, a transcript and
/// the manifest with status, content hash and usage. What a new run, a resume, a branch and a
/// verification share; each of them decides where the session starts. Every log line of a session
/// carries its run and branch (and, from the session loop, its turn). Thread-safe.
/// </summary>
public sealed partial class SessionRunner(
    IAppraiser appraiser,
    IEnumerable<IRater> raters,
    TimeProvider clock,
    IIdGenerator ids,
    RunStores stores,
    ILogger<SessionRunner> log,
    Models.Endpoints.SecretRedactor secrets)
{
    /// <summary>
    /// Runs a new session of <paramref name="plan"/> into <paramref name="store"/>, in the folder
    /// <paramref name="watch"/> names (default: a new time-stamped id), showing it each event as it is saved.
    /// </summary>
    internal Task<RunResult> StartNewAsync(RunStore store, SessionPlan plan, CatalogEntry<Persona> persona, CatalogEntry<Core.Protocols.Protocol> protocol, RunWatch watch, CancellationToken cancellationToken)
    {
        var manifest = NewManifest(plan, persona, protocol, clock.GetUtcNow());
        return StartAsync(store, manifest, [], Opening(manifest, plan), plan, SessionPrefix.None, watch, cancellationToken);
    }

    /// <summary>The manifest of a run created at <paramref name="created"/>, before it has an id.</summary>
    internal static RunManifest NewManifest(SessionPlan plan, CatalogEntry<Persona> persona, CatalogEntry<Core.Protocols.Protocol> protocol, DateTimeOffset created) => new()
    {
        CreatedAt = created,
        UpdatedAt = created,
        Configuration = plan.Configuration,
        PersonaFile = persona.File,
        PersonaHash = persona.Hash,
        ProtocolFile = protocol.File,
        ProtocolHash = protocol.Hash,
    };

    /// <summary>The first events of a (root) run: its configuration and the persona's initial state.</summary>
    internal static RunEvent[] Opening(RunManifest manifest, SessionPlan plan) =>
    [
        new RunStarted(0, manifest.CreatedAt, plan.Configuration, manifest.PersonaHash, manifest.ProtocolHash),
        new StateStepped(0, manifest.CreatedAt, plan.Persona.InitialState().Variables),
    ];

    /// <summary>The run store of <paramref name="runsRoot"/>, or of the configured runs folder.</summary>
    internal RunStore Store(string? runsRoot) => stores.Open(runsRoot);

    /// <summary>
    /// Creates the run's folder with its manifest first (status <c>starting</c>, so a folder is never
    /// without one: a crash before the log is whole leaves a run that <c>resume</c> starts from the
    /// manifest), then its opening events in the log, then the manifest again (<c>running</c>), and runs
    /// the session; <paramref name="inherited"/> are a branch's parent's events it references (none for a root run).
    /// </summary>
    internal async Task<RunResult> StartAsync(
        RunStore store, RunManifest manifest, IReadOnlyList<RunEvent> inherited, IReadOnlyList<RunEvent> opening, SessionPlan plan, SessionPrefix prefix, RunWatch watch, CancellationToken cancellationToken)
    {
        var folder = store.Create(watch.RunId ?? $"{manifest.CreatedAt:yyyyMMdd-HHmmss}-{plan.Persona.Id}-{ids.NewId(6)}");
        using var runLock = RunLock.Take(folder);
        manifest = manifest with { RunId = folder.RunId };
        using var scope = Scope(manifest);
        RunStore.WriteManifest(folder, manifest with { Status = RunStatus.Starting });
        await EventLogWriter.RewriteAsync(folder.EventsPath, opening).ConfigureAwait(false);
        RunStore.WriteManifest(folder, manifest);
        LogStarted(folder.RunId, plan.Persona.Id, plan.Configuration.Therapist, plan.Configuration.TotalTurns, plan.Configuration.Seed);
        return await ExecuteAsync(folder, manifest, plan, prefix, [.. inherited, .. opening], watch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the session of <paramref name="folder"/> (locked by the caller) after <paramref name="prefix"/>,
    /// with its log writer and monitor beside it, and leaves the log ended, a transcript and the manifest.
    /// <paramref name="before"/> is the run's history so far as <see cref="RunHistory"/> reads it (a
    /// branch's inherited turns, then its own log): the content hash, transcript and usage are made
    /// from it and the events this session writes, in memory, rather than by reading the log back.
    /// Cancellation stops after the turn in progress is abandoned; every completed turn stays saved.
    /// </summary>
    internal async Task<RunResult> ExecuteAsync(
        RunFolder folder, RunManifest manifest, SessionPlan plan, SessionPrefix prefix, IReadOnlyList<RunEvent> before, RunWatch watch, CancellationToken cancellationToken)
    {
        using var scope = Scope(manifest with { RunId = folder.RunId });
        using var span = Hosting.EngineTelemetry.StartRun(folder.RunId);
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        var turns = Channel.CreateUnbounded<TurnView>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var logWriter = EventLogWriter.Open(folder.EventsPath);
        var saved = new List<RunEvent>(before.Count + (12 * Math.Max(0, plan.Configuration.TotalTurns - prefix.Turns)));
        saved.AddRange(before);
        var writing = RunLogWriter.PumpAsync(events.Reader, logWriter, saved, watch.Saved);
        using var monitorStop = new CancellationTokenSource();
        var verdicts = plan.Configuration.Guard || plan.Configuration.PatientGuard ? new VerdictBoard() : null;
        var alerts = Primed(new AlertTracker(AlertRule.Defaults), verdicts, prefix);
        MonitorWorker? worker = null;
        worker = new MonitorWorker(plan.Monitor.Raters([.. raters], () => worker!.Turn, events.Writer, clock), clock, alerts, verdicts);
        var monitoring = worker.RunAsync(turns.Reader, events.Writer, monitorStop.Token);

        var loop = new SessionLoop(plan, appraiser, clock, verdicts, log);
        string reason = RunEnded.Reasons.MaxTurns;
        string? error = null;
        InvalidInputException? invalid = null;
        try
        {
            await loop.RunAsync(events.Writer, turns.Writer, prefix, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = RunEnded.Reasons.Cancelled;
        }
        catch (InvalidInputException ex)
        {
            // The log does not replay (a resume or branch over a changed persona): nothing new was
            // written, and the run is left as it was.
            invalid = ex;
        }
        catch (Exception ex)
        {
            reason = RunEnded.Reasons.Error;
            error = secrets.Redact($"{ex.GetType().Name}: {ex.Message}");
            LogFailed(ex, loop.CompletedTurns + 1);
        }
        finally
        {
            // The monitor finishes the turns it was given (offline scoring takes a fraction of a millisecond
            // a turn); after Ctrl+C it does not wait for judges, whose turns not yet reached stay unjudged.
            turns.Writer.Complete();
            if (reason == RunEnded.Reasons.Cancelled && plan.Monitor.Judges.Count > 0)
            {
                await monitorStop.CancelAsync().ConfigureAwait(false);
            }

            try
            {
                await monitoring.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (monitorStop.IsCancellationRequested)
            {
            }

            if (invalid is null)
            {
                events.Writer.TryWrite(new RunEnded(loop.CompletedTurns, clock.GetUtcNow(), reason, error));
            }

            events.Writer.Complete();
            await writing.ConfigureAwait(false);
            await logWriter.DisposeAsync().ConfigureAwait(false);
        }

        if (invalid is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invalid);
        }

        return await FinishAsync(folder, manifest, saved, loop.CompletedTurns, reason, error).ConfigureAwait(false);
    }

    /// <summary>The end of a run's bookkeeping, from its events: the transcript, then the manifest with the status, hash and usage.</summary>
    internal async Task<RunResult> FinishAsync(RunFolder folder, RunManifest manifest, IReadOnlyList<RunEvent> saved, int turns, string reason, string? error)
    {
        var hash = ContentHash.Of(saved, EventSerializer.Serialize);
        await File.WriteAllTextAsync(folder.TranscriptPath, MarkdownTranscript.Render(folder.RunId, RunTranscript.From(saved)), CancellationToken.None).ConfigureAwait(false);
        var status = reason switch
        {
            RunEnded.Reasons.Cancelled => RunStatus.Cancelled,
            RunEnded.Reasons.Error => RunStatus.Failed,
            _ => RunStatus.Completed,
        };
        RunStore.WriteManifest(folder, manifest with
        {
            Status = status,
            UpdatedAt = clock.GetUtcNow(),
            TurnsCompleted = turns,
            ContentHash = hash,
            EndReason = reason,
            Error = error,
            Usage = RoleUsage.Of(saved),
        });
        LogEnded(folder.RunId, status, turns, hash);
        return new RunResult(folder.RunId, folder.Path, turns, hash, status, reason, error);
    }

    /// <summary>
    /// The alert tracker as it stood after the prefix's turns already scored (fed their recorded
    /// scores, its alerts already in the log), and guard mode's verdict on the last of them if the
    /// session goes on right after it.
    /// </summary>
    private static AlertTracker Primed(AlertTracker alerts, VerdictBoard? verdicts, SessionPrefix prefix)
    {
        foreach (var turn in Enumerable.Range(1, prefix.MonitorFrom - 1).Select(prefix.Turn))
        {
            var own = ScoreLayers.Merge(turn.Layers.Where(l => l.Rescore == 0).ToList());
            _ = alerts.Observe(turn.Turn, default, own.Metrics);
            if (turn.Turn == prefix.Turns)
            {
                verdicts?.Post(new TurnVerdict(turn.Turn, own.Metrics, own.Evidence, turn.Alerts));
            }
        }

        return alerts;
    }

    /// <summary>
    /// The scope of a session's log lines, by the loop, the monitor, the log writer and the model calls:
    /// its run, and its branch (<c>parent@turn</c>, or <c>root</c>); the loop adds the turn.
    /// </summary>
    private IDisposable? Scope(RunManifest manifest) => log.BeginScope(new Dictionary<string, object>
    {
        ["RunId"] = manifest.RunId,
        ["Branch"] = manifest.ParentRunId is { } parent ? $"{parent}@{manifest.ParentTurn}" : "root",
    });

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: persona {Persona}, therapist {Therapist}, {Turns} turns, seed {Seed}")]
    private partial void LogStarted(string runId, string persona, string therapist, int turns, long seed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run failed at turn {Turn}")]
    private partial void LogFailed(Exception ex, int turn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} {Status} after {Turns} turns, content hash {ContentHash}")]
    private partial void LogEnded(string runId, string status, int turns, string contentHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} had no manifest: {Repair}")]
    internal partial void LogRecovered(string runId, string repair);
}
