using Microsoft.Extensions.Logging;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>Runs that continue from a log: a resumed run, and a branch of one.</summary>
public sealed partial class RunService
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
        var store = Store(runsRoot);
        var folder = store.OpenFolder(run);
        using var runLock = RunLock.Take(folder);
        if (!File.Exists(folder.ManifestPath))
        {
            var repair = await RunRepair.RepairAsync(store, folder, salvage).ConfigureAwait(false);
            LogRecovered(folder.RunId, string.Join("; ", repair.Done));
        }

        var manifest = RunStore.ReadManifest(store.Open(run));
        var (plan, persona, protocol) = Resolve(manifest.Configuration);
        Unchanged(persona.File, persona.Hash, manifest.PersonaHash, folder, "personaHash");
        Unchanged(protocol.File, protocol.Hash, manifest.ProtocolHash, folder, "protocolHash");
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
            await EventLogWriter.RewriteAsync(folder.EventsPath, [.. Opening(manifest, plan), .. logged.Where(e => e is not RunStarted and not StateStepped { Turn: 0 })]).ConfigureAwait(false);
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
                : await FinishAsync(folder, manifest, history.Events, point.Turns, ended.Reason, ended.Message).ConfigureAwait(false);
        }

        if (point.Kept is { } kept)
        {
            LogDropped(folder.RunId, history.Own.Events.Count - kept.Count, point.Turns);
            await EventLogWriter.RewriteAsync(folder.EventsPath, kept).ConfigureAwait(false);
            history = RunHistory.Load(store, folder);
        }

        LogResumed(folder.RunId, point.Turns, plan.Configuration.TotalTurns);
        var prefix = SessionPrefix.Of(history.Events, point.Turns, point.MonitorFrom, history.Fork);
        return await ExecuteAsync(folder, manifest, plan, prefix, history.Events, watch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A new run that takes <paramref name="parentRun"/>'s turns 1..<paramref name="at"/> (by reference)
    /// and goes on with <paramref name="edits"/>.
    /// </summary>
    public async Task<RunResult> BranchAsync(string parentRun, int at, BranchEdits edits, string? runsRoot, CancellationToken cancellationToken)
    {
        var store = Store(runsRoot);
        var parent = RunHistory.Load(store, store.Open(parentRun));
        var parentTranscript = RunTranscript.From(parent.Events);
        var parentTurns = parentTranscript.Turns.Count;
        if (at < 0 || at > parentTurns)
        {
            throw new InvalidInputException($"{at} is out of range: run {parent.Folder.RunId} has turns 1..{parentTurns}", field: "--at");
        }

        var parentConfig = parentTranscript.Configuration ?? parent.Manifest.Configuration;
        var own = edits.Turns ?? Math.Max(1, parentConfig.TotalTurns - at);
        if (own < 1)
        {
            throw new InvalidInputException($"{own} is out of range: a branch runs at least 1 turn of its own", field: "--turns");
        }

        // A branch of a course keeps its sessions' length: its own turns run to the end of a session.
        var config = parentConfig with
        {
            Therapist = edits.Therapist ?? parentConfig.Therapist,
            Protocol = edits.Protocol ?? parentConfig.Protocol,
            Style = edits.Style ?? parentConfig.Style,
            Guard = edits.Guard ?? parentConfig.Guard,
            Turns = parentConfig.Sessions > 1 ? parentConfig.Turns : at + own,
            Sessions = parentConfig.Sessions > 1 ? (int)Math.Min(int.MaxValue, ((long)at + own + parentConfig.Turns - 1) / parentConfig.Turns) : 1,
        };
        var (plan, persona, protocol) = Resolve(config);
        Unchanged(persona.File, persona.Hash, parent.Manifest.PersonaHash, parent.Folder, "personaHash");
        var known = plan.Persona.InitialState().Variables;
        foreach (var name in edits.SetState.Keys.Where(n => !known.ContainsKey(n)))
        {
            throw new InvalidInputException($"'{name}' is not a state variable of {plan.Persona.Id} (known: {string.Join(", ", known.Keys)})", field: "--set");
        }

        if (edits.InjectPatient is { Length: 0 })
        {
            throw new InvalidInputException("the injected patient message is empty", field: "--inject-patient");
        }

        var created = clock.GetUtcNow();
        var inherited = RunHistory.Prefix(parent.Events, at).ToList();
        var fork = new BranchStarted(
            at, created, parent.Folder.RunId, ContentHash.Of(inherited, EventSerializer.Serialize), plan.Configuration, persona.Hash, protocol.Hash, edits.InjectPatient, edits.SetState);
        var manifest = NewManifest(plan, persona, protocol, created) with { ParentRunId = parent.Folder.RunId, ParentTurn = at };
        var prefix = SessionPrefix.Of([.. inherited, fork], at, at + 1, fork);
        return await StartAsync(store, manifest, inherited, [fork], plan, prefix, RunWatch.None, cancellationToken).ConfigureAwait(false);
    }

    private static void Unchanged(string file, string hash, string recorded, RunFolder folder, string field)
    {
        if (!string.Equals(hash, recorded, StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                $"{file} changed since run {folder.RunId} was made (SHA-256 {hash[..12]}… where the run has {recorded[..Math.Min(12, recorded.Length)]}…); its turns would not replay",
                folder.ManifestPath,
                field: field);
        }
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
