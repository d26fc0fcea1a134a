using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Engine.Runs;
using Simulator.Storage.Catalogs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator personas list|show|validate</c>; <c>show --trajectory</c> prints the latent state per turn.</summary>
internal static class PersonasCommand
{
    public static Command Create(IServiceProvider services) => CatalogCommands.Create(
        "personas",
        "persona",
        services.GetRequiredService<PersonaCatalog>,
        e => new
        {
            id = e.Document.Id,
            condition = e.Document.Condition.Primary,
            variants = e.Document.Variants.Select(v => v.Id).ToList(),
            displayName = e.Document.DisplayName,
            version = e.Document.Version,
            beliefs = e.Document.Presentation.Beliefs.Select(b => new { id = b.Id, kind = b.Kind, conviction = b.Conviction }).ToList(),
            trajectory = e.Document.Trajectory.Shape,
            file = e.File,
        },
        e => $"{e.Document.Id,-30} {e.Document.Condition.Primary,-36} {e.Document.Trajectory.Shape,-13} variants: {string.Join(", ", e.Document.Variants.Select(v => v.Id))}",
        TrajectoryExtension(services),
        $"{"id",-30} {"condition",-36} {"trajectory",-13} variants");

    private static CatalogCommands.ShowExtension<Persona> TrajectoryExtension(IServiceProvider services)
    {
        var trajectory = new Option<bool>("--trajectory") { Description = "Run a session in memory and print the latent state per turn" };
        var turns = new Option<int>("--turns") { Description = "Turns (with --trajectory)", DefaultValueFactory = _ => 40 };
        var therapist = new Option<string>("--therapist") { Description = "Therapist model reference (with --trajectory)", DefaultValueFactory = _ => "scripted:faithful" };
        var protocol = new Option<string>("--protocol") { Description = "Protocol (with --trajectory)", DefaultValueFactory = _ => "supportive" };
        var variant = new Option<string?>("--variant") { Description = "Demographic variant (with --trajectory)" };
        var seed = new Option<long>("--seed") { Description = "Seed (with --trajectory)", DefaultValueFactory = _ => 1 };
        return new([trajectory, turns, therapist, protocol, variant, seed], async (parse, entry, json, cancellationToken) =>
        {
            if (!parse.GetValue(trajectory))
            {
                return null;
            }

            var config = new RunConfiguration
            {
                Persona = entry.File,
                Variant = parse.GetValue(variant),
                Therapist = parse.GetValue(therapist)!,
                Protocol = parse.GetValue(protocol)!,
                Turns = parse.GetValue(turns),
                Seed = parse.GetValue(seed),
            };
            var transcript = await services.GetRequiredService<TrajectoryPreview>().RunAsync(config, cancellationToken);
            var rows = transcript.Turns.Select(t => (t.Turn, t.State, Readout: InstrumentReadout.Of(new ClinicalState(t.State)), t.AppraisedActs, t.FiredEvents)).ToList();
            if (json)
            {
                JsonOutput.Write(new
                {
                    persona = entry.Document.Id,
                    therapist = config.Therapist,
                    seed = config.Seed,
                    initial = transcript.InitialState,
                    turns = rows.Select(r => new { turn = r.Turn, state = r.State, instruments = r.Readout.Scores(), acts = r.AppraisedActs, events = r.FiredEvents }),
                });
                return ExitCodes.Success;
            }

            var beliefs = entry.Document.Presentation.Beliefs.Select(b => b.Id).ToList();
            Console.Out.WriteLine($"{entry.Document.Id} under {config.Therapist}, seed {config.Seed} (trajectory {entry.Document.Trajectory.Shape})");
            Console.Out.WriteLine($"turn  PHQ-9  GAD-7  C-SSRS  hopeless  distress  alliance  {string.Join("  ", beliefs.Select(b => $"conv.{b}"))}  acts / events");
            foreach (var r in rows)
            {
                var convictions = string.Join("  ", beliefs.Select(b => r.State[StateVariables.Conviction(b)].ToString("0.00", CultureInfo.InvariantCulture).PadLeft(("conv." + b).Length)));
                var notes = string.Join(", ", r.AppraisedActs.Concat(r.FiredEvents.Select(e => "event:" + e)));
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Turn,4}  {r.Readout.Phq9,5}  {r.Readout.Gad7,5}  {r.Readout.Cssrs,6}  {r.State[StateVariables.Hopelessness],8:0.00}  {r.State[StateVariables.Distress],8:0.00}  {r.State[StateVariables.Alliance],8:0.00}  {convictions}  {notes}"));
            }

            return ExitCodes.Success;
        });
    }
}
