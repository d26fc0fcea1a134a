using Microsoft.Extensions.Options;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Sessions;
using Simulator.Models.References;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>
/// Checks a run's configuration and resolves everything it names (persona, protocol, models,
/// monitor) into a <see cref="SessionPlan"/>, before anything is written. Thread-safe.
/// </summary>
public sealed class RunResolver(
    PersonaCatalog personas,
    ProtocolCatalog protocols,
    RubricCatalog rubrics,
    IModelRegistry models,
    IOptions<SimulatorOptions> options)
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

    /// <summary>Refuses a run whose persona or protocol file changed since it was made: its turns would not replay.</summary>
    internal static void Unchanged(string file, string hash, string recorded, RunFolder folder, string field)
    {
        if (!string.Equals(hash, recorded, StringComparison.Ordinal))
        {
            throw new InvalidInputException(
                $"{file} changed since run {folder.RunId} was made (SHA-256 {hash[..12]}… where the run has {recorded[..Math.Min(12, recorded.Length)]}…); its turns would not replay",
                folder.ManifestPath,
                field: field);
        }
    }
}
