using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Simulator.Agents.Appraisal;
using Simulator.Core.Events;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Time;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Sessions;
using Simulator.Models.References;
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
/// Starts and finishes runs: resolves the configuration, creates the run folder, runs the session
/// with its log writer and monitor beside it, and leaves a manifest, the event log and a transcript.
/// Cancellation stops after the turn in progress is abandoned; every completed turn stays saved.
/// </summary>
public sealed partial class RunService(
    PersonaCatalog personas,
    ProtocolCatalog protocols,
    RubricCatalog rubrics,
    IModelRegistry models,
    IAppraiser appraiser,
    IEnumerable<IRater> raters,
    TimeProvider clock,
    IIdGenerator ids,
    IOptions<SimulatorOptions> options,
    ILogger<RunService> log)
{
    /// <summary>Checks a configuration and resolves everything it names; throws <see cref="InvalidInputException"/>.</summary>
    public (SessionPlan Plan, CatalogEntry<Persona> Persona, CatalogEntry<Core.Protocols.Protocol> Protocol) Resolve(RunConfiguration config)
    {
        if (config.Turns < 1 || config.Turns > options.Value.MaxTurns)
        {
            throw new InvalidInputException($"{config.Turns} is out of range: must be in 1..{options.Value.MaxTurns}", field: "--turns");
        }

        if (config.ProbeEvery < 0)
        {
            throw new InvalidInputException($"{config.ProbeEvery} is out of range: must be 0 (no probes) or more", field: "--probe-every");
        }

        if (!RunConfiguration.Styles.Contains(config.Style))
        {
            throw new InvalidInputException($"unknown style '{config.Style}' (known: {string.Join(", ", RunConfiguration.Styles)})", field: "--style");
        }

        var persona = personas.Get(config.Persona);
        var protocol = protocols.Get(config.Protocol);
        var therapistModel = models.Create(ModelReference.Parse(config.Therapist, "--therapist"), "therapist", "--therapist");
        var patientReference = ModelReference.Parse(config.Patient, "--patient");
        var patientModel = models.Create(patientReference, "patient", "--patient");
        var appraisalModel = patientReference.IsScripted ? null : models.Create(patientReference, "appraisal", "--patient");
        var monitor = MonitorPlan.Resolve(config.Monitor, models, rubrics, options.Value.JudgeRubric, "--monitor");
        var normalised = config with { Persona = persona.Document.Id, Protocol = protocol.Document.Id };
        var plan = new SessionPlan(normalised, persona.Document.WithVariant(config.Variant), protocol.Document, patientModel, therapistModel, appraisalModel, monitor);
        return (plan, persona, protocol);
    }

    /// <summary>Runs a new session into <paramref name="runsRoot"/> (default: the configured runs folder).</summary>
    public async Task<RunResult> RunAsync(RunConfiguration config, string? runsRoot, CancellationToken cancellationToken)
    {
        var (plan, persona, protocol) = Resolve(config);
        var store = new RunStore(runsRoot ?? options.Value.RunsPath);
        var created = clock.GetUtcNow();
        var folder = store.Create($"{created:yyyyMMdd-HHmmss}-{plan.Persona.Id}-{ids.NewId(6)}");
        var manifest = new RunManifest
        {
            RunId = folder.RunId,
            CreatedAt = created,
            UpdatedAt = created,
            Configuration = plan.Configuration,
            PersonaFile = persona.File,
            PersonaHash = persona.Hash,
            ProtocolFile = protocol.File,
            ProtocolHash = protocol.Hash,
        };
        RunStore.WriteManifest(folder, manifest);
        using var scope = log.BeginScope(new Dictionary<string, object> { ["RunId"] = folder.RunId });
        LogStarted(folder.RunId, plan.Persona.Id, plan.Configuration.Therapist, plan.Configuration.Turns, plan.Configuration.Seed);

        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        var turns = Channel.CreateUnbounded<TurnView>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var logWriter = EventLogWriter.Open(folder.EventsPath);
        var writing = RunLogWriter.PumpAsync(events.Reader, logWriter);
        using var monitorStop = new CancellationTokenSource();
        var verdicts = plan.Configuration.Guard ? new VerdictBoard() : null;
        MonitorWorker? worker = null;
        worker = new MonitorWorker(plan.Monitor.Raters([.. raters], () => worker!.Turn, events.Writer, clock), clock, new AlertTracker(AlertRule.Defaults), verdicts);
        var monitoring = worker.RunAsync(turns.Reader, events.Writer, monitorStop.Token);

        var loop = new SessionLoop(plan, appraiser, clock, verdicts);
        var started = new RunStarted(0, created, plan.Configuration, persona.Hash, protocol.Hash);
        string reason = RunEnded.Reasons.MaxTurns;
        string? error = null;
        try
        {
            await loop.RunAsync(events.Writer, turns.Writer, started, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = RunEnded.Reasons.Cancelled;
        }
        catch (Exception ex) when (ex is not InvalidInputException)
        {
            reason = RunEnded.Reasons.Error;
            error = $"{ex.GetType().Name}: {ex.Message}";
            LogFailed(ex, loop.CompletedTurns + 1);
        }

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
        events.Writer.TryWrite(new RunEnded(loop.CompletedTurns, clock.GetUtcNow(), reason, error));
        events.Writer.Complete();
        await writing.ConfigureAwait(false);
        await logWriter.DisposeAsync().ConfigureAwait(false);

        var saved = EventLogReader.Read(folder.EventsPath).Events;
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
            TurnsCompleted = loop.CompletedTurns,
            ContentHash = hash,
            EndReason = reason,
            Error = error,
            Usage = RoleUsage.Of(saved),
        });
        LogEnded(folder.RunId, status, loop.CompletedTurns, hash);
        return new RunResult(folder.RunId, folder.Path, loop.CompletedTurns, hash, status, reason, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: persona {Persona}, therapist {Therapist}, {Turns} turns, seed {Seed}")]
    private partial void LogStarted(string runId, string persona, string therapist, int turns, long seed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run failed at turn {Turn}")]
    private partial void LogFailed(Exception ex, int turn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} {Status} after {Turns} turns, content hash {ContentHash}")]
    private partial void LogEnded(string runId, string status, int turns, string contentHash);
}
