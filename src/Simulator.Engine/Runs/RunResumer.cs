using Microsoft.Extensions.Logging;
using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>Continues a run from its log: an interrupted or failed run, from its last complete turn, with the same seeds.</summary>
public sealed partial class RunResumer(RunResolver resolver, SessionRunner runner, ILogger<RunResumer> log)
{
    /// <summary>
    /// Continues an interrupted or failed run from its last complete turn to its configured length,
    /// with the same seeds; a complete run is left as it is. Throws <see cref="InvalidInputException"/>
    /// when the run cannot be continued faithfully (its persona or protocol file changed, its log is damaged).
    /// </summary>
    public Task<RunResult> ResumeAsync(string run, string? runsRoot, CancellationToken cancellationToken) =>
        ResumeAsync(run, runsRoot, RunWatch.None, salvage: false, cancellationToken);

    /// <summary>
    /// As <see cref="ResumeAsync(string, string?, CancellationToken)"/>, showing <paramref name="watch"/> each event
    /// saved. A log with damage that valid frames follow is refused unless <paramref name="salvage"/>: then it is
    /// rewritten with every readable event (the original kept as <c>events.msgpack.bak-&lt;n&gt;</c>) and the run
    /// continues after its last complete turn before the first gap. A run folder without a manifest is recovered from its log.
    /// </summary>
    public async Task<RunResult> ResumeAsync(string run, string? runsRoot, RunWatch watch, bool salvage, CancellationToken cancellationToken)
    {
        var store = runner.Store(runsRoot);
        var folder = store.OpenFolder(run);
        using var runLock = RunLock.Take(folder);
        if (!File.Exists(folder.ManifestPath))
        {
            var repair = await RunRepair.RepairAsync(store, folder, salvage).ConfigureAwait(false);
            runner.LogRecovered(folder.RunId, string.Join("; ", repair.Done));
        }

        var manifest = RunStore.ReadManifest(store.Open(run));
        var (plan, persona, protocol) = resolver.Resolve(manifest.Configuration);
        RunResolver.Unchanged(persona.File, persona.Hash, manifest.PersonaHash, folder, "personaHash");
        RunResolver.Unchanged(protocol.File, protocol.Hash, manifest.ProtocolHash, folder, "protocolHash");
        if (salvage && File.Exists(folder.EventsPath) && EventLogReader.Read(folder.EventsPath, salvage: true) is { Damage.Count: > 0 } damaged)
        {
            var backup = await EventLogWriter.RewriteAsync(folder.EventsPath, damaged.Events).ConfigureAwait(false);
            LogSalvaged(folder.RunId, damaged.Events.Count, string.Join("; ", damaged.Damage.Select(d => d.Describe())), backup ?? "");
        }

        var logged = manifest.ParentRunId is null && File.Exists(folder.EventsPath) ? EventLogReader.Read(folder.EventsPath).Events : [];
        if (manifest.ParentRunId is null && !(logged.Any(e => e is RunStarted) && logged.Any(e => e is StateStepped { Turn: 0 })))
        {
            // A run killed before its opening events were all on disk (or a salvage that lost them): they are
            // rebuilt from the manifest, written before them, ahead of whatever else the log holds.
            await EventLogWriter.RewriteAsync(folder.EventsPath, [.. SessionRunner.Opening(manifest, plan), .. logged.Where(e => e is not RunStarted and not StateStepped { Turn: 0 })]).ConfigureAwait(false);
        }

        var history = RunHistory.Load(store, folder);

        var point = ResumePoint.Of(history);
        var ended = history.Own.Events.LastOrDefault(e => e.Lane != RunEvent.RescoreLane) as RunEnded;
        if (point.Turns >= plan.Configuration.TotalTurns && ended is not null && point.Kept is null)
        {
            LogAlreadyComplete(folder.RunId, point.Turns);

            // Killed after its last event but before its manifest said so: the bookkeeping is finished now.
            return manifest.Status == RunStatus.Completed
                ? new RunResult(folder.RunId, folder.Path, point.Turns, ContentHash.Of(history.Events, EventSerializer.Serialize), RunStatus.Completed, ended.Reason, null)
                : await runner.FinishAsync(folder, manifest, history.Events, point.Turns, ended.Reason, ended.Message).ConfigureAwait(false);
        }

        if (point.Kept is { } kept)
        {
            LogDropped(folder.RunId, history.Own.Events.Count - kept.Count, point.Turns);
            await EventLogWriter.RewriteAsync(folder.EventsPath, kept).ConfigureAwait(false);
            history = RunHistory.Load(store, folder);
        }

        LogResumed(folder.RunId, point.Turns, plan.Configuration.TotalTurns);
        var prefix = SessionPrefix.Of(history.Events, point.Turns, point.MonitorFrom, history.Fork);
        return await runner.ExecuteAsync(folder, manifest, plan, prefix, history.Events, watch, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} resumes after turn {Turn} of {Turns}")]
    private partial void LogResumed(string runId, int turn, int turns);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: dropped {Count} events of an unfinished turn or monitor batch after turn {Turn}")]
    private partial void LogDropped(string runId, int count, int turn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: salvaged {Events} readable events of a damaged log ({Damage}); the original is kept as {Backup}")]
    private partial void LogSalvaged(string runId, int events, string damage, string backup);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} is already complete ({Turns} turns)")]
    private partial void LogAlreadyComplete(string runId, int turns);
}
