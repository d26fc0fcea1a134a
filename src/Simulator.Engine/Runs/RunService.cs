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
    ILogger<RunService> log,
    Models.Endpoints.SecretRedactor secrets)
{
    /// <summary>The most sessions a course may have.</summary>
    public const int MaxSessions = Core.Studies.StudyRules.MaxSessions;

    /// <summary>Checks a configuration and resolves everything it names; throws <see cref="InvalidInputException"/>.</summary>
    public (SessionPlan Plan, CatalogEntry<Persona> Persona, CatalogEntry<Core.Protocols.Protocol> Protocol) Resolve(RunConfiguration config)
    {
        if (config.Turns < 1 || config.Turns > options.Value.MaxTurns)
        {
            throw new InvalidInputException($"{config.Turns} is out of range: must be in 1..{options.Value.MaxTurns}", field: "--turns");
        }

        if (config.Sessions < 1 || config.Sessions > MaxSessions)
        {
            throw new InvalidInputException($"{config.Sessions} is out of range: must be in 1..{MaxSessions}", field: "--sessions");
        }

        if (config.TotalTurns > options.Value.MaxTurns)
        {
            throw new InvalidInputException(
                $"{config.Turns} turns × {config.Sessions} sessions is {config.TotalTurns} turns, more than the longest run accepted ({options.Value.MaxTurns})", field: "--sessions");
        }

        if (config.ProbeEvery < 0)
        {
            throw new InvalidInputException($"{config.ProbeEvery} is out of range: must be 0 (no probes) or more", field: "--probe-every");
        }

        if (config.SelfReportEvery < 0)
        {
            throw new InvalidInputException($"{config.SelfReportEvery} is out of range: must be 0 (no self-report) or more", field: "--self-report-every");
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
        var (monitor, monitored) = MonitorPlan.For(config, models, rubrics, options.Value.JudgeRubric);
        var normalised = monitored with { Persona = persona.Document.Id, Protocol = protocol.Document.Id };
        var plan = new SessionPlan(normalised, persona.Document.WithVariant(config.Variant), protocol.Document, patientModel, therapistModel, appraisalModel, monitor);
        return (plan, persona, protocol);
    }

    /// <summary>Runs a new session into <paramref name="runsRoot"/> (default: the configured runs folder).</summary>
    public Task<RunResult> RunAsync(RunConfiguration config, string? runsRoot, CancellationToken cancellationToken) =>
        RunAsync(config, runsRoot, RunWatch.None, cancellationToken);

    /// <summary>
    /// Runs a new session into <paramref name="runsRoot"/>, in the folder <paramref name="watch"/> names
    /// (default: a new time-stamped id), showing it each event as it is saved.
    /// </summary>
    public async Task<RunResult> RunAsync(RunConfiguration config, string? runsRoot, RunWatch watch, CancellationToken cancellationToken)
    {
        var (plan, persona, protocol) = Resolve(config);
        var manifest = NewManifest(plan, persona, protocol, clock.GetUtcNow());
        return await StartAsync(Store(runsRoot), manifest, [], Opening(manifest, plan), plan, SessionPrefix.None, watch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The manifest of a run created at <paramref name="created"/>, before it has an id.</summary>
    private static RunManifest NewManifest(SessionPlan plan, CatalogEntry<Persona> persona, CatalogEntry<Core.Protocols.Protocol> protocol, DateTimeOffset created) => new()
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
    private static RunEvent[] Opening(RunManifest manifest, SessionPlan plan) =>
    [
        new RunStarted(0, manifest.CreatedAt, plan.Configuration, manifest.PersonaHash, manifest.ProtocolHash),
        new StateStepped(0, manifest.CreatedAt, plan.Persona.InitialState().Variables),
    ];

    private RunStore Store(string? runsRoot) => new(runsRoot ?? options.Value.RunsPath);

    /// <summary>
    /// Creates the run's folder with its manifest first (status <c>starting</c>, so a folder is never
    /// without one: a crash before the log is whole leaves a run that <c>resume</c> starts from the
    /// manifest), then its opening events in the log, then the manifest again (<c>running</c>), and runs
    /// the session; <paramref name="inherited"/> are a branch's parent's events it references (none for a root run).
    /// </summary>
    private async Task<RunResult> StartAsync(
        RunStore store, RunManifest manifest, IReadOnlyList<RunEvent> inherited, IReadOnlyList<RunEvent> opening, SessionPlan plan, SessionPrefix prefix, RunWatch watch, CancellationToken cancellationToken)
    {
        var folder = store.Create(watch.RunId ?? $"{manifest.CreatedAt:yyyyMMdd-HHmmss}-{plan.Persona.Id}-{ids.NewId(6)}");
        using var runLock = RunLock.Take(folder);
        manifest = manifest with { RunId = folder.RunId };
        RunStore.WriteManifest(folder, manifest with { Status = RunStatus.Starting });
        await EventLogWriter.RewriteAsync(folder.EventsPath, opening).ConfigureAwait(false);
        RunStore.WriteManifest(folder, manifest);
        LogStarted(folder.RunId, plan.Persona.Id, plan.Configuration.Therapist, plan.Configuration.TotalTurns, plan.Configuration.Seed);
        return await ExecuteAsync(folder, manifest, plan, prefix, [.. inherited, .. opening], watch, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started: persona {Persona}, therapist {Therapist}, {Turns} turns, seed {Seed}")]
    private partial void LogStarted(string runId, string persona, string therapist, int turns, long seed);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run failed at turn {Turn}")]
    private partial void LogFailed(Exception ex, int turn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} {Status} after {Turns} turns, content hash {ContentHash}")]
    private partial void LogEnded(string runId, string status, int turns, string contentHash);
}
