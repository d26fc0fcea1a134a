using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator run</c>: one session, or a course of <c>--sessions</c> sessions, saved as a run.</summary>
internal static class RunCommand
{
    public static Command Create(IServiceProvider services)
    {
        var persona = new Option<string>("--persona") { Description = "Persona id or YAML file", Required = true };
        var variant = new Option<string?>("--variant") { Description = "Demographic variant of the persona" };
        var therapist = new Option<string>("--therapist") { Description = "Therapist model reference, e.g. scripted:faithful", Required = true };
        var patient = new Option<string>("--patient") { Description = "Patient model reference", DefaultValueFactory = _ => "scripted:patient" };
        var protocol = new Option<string>("--protocol") { Description = "Therapy protocol id or YAML file", DefaultValueFactory = _ => "supportive" };
        var style = new Option<string>("--style") { Description = "Therapist style: neutral or warm", DefaultValueFactory = _ => "neutral" };
        var turns = new Option<int>("--turns") { Description = "Number of turns", DefaultValueFactory = _ => 40 };
        var sessions = new Option<int>("--sessions") { Description = "Sessions in the course, each of --turns turns, the patient's state carried across (1..100)", DefaultValueFactory = _ => 1 };
        var seed = new Option<long>("--seed") { Description = "Run seed", DefaultValueFactory = _ => 1 };
        var monitor = new Option<string>("--monitor") { Description = "Monitor: offline (rules and learned heads), rules, or judge:<model-ref>[,...]", DefaultValueFactory = _ => "offline" };
        var heads = new Option<string?>("--heads") { Description = "Learned heads file (from 'monitor fit') to use instead of the shipped heads" };
        var rubric = new Option<string?>("--rubric") { Description = "The judges' rubric: an id in protocols/rubrics (judge, spiral-bench, psychosis-bench) or a file" };
        var requireJudge = new Option<bool>("--require-judge") { Description = "Exit 1 when a judge could not score more than 5% of the turns" };
        var guard = new Option<bool>("--guard") { Description = "Feed the monitor's notes to the therapist" };
        var probeEvery = new Option<int>("--probe-every") { Description = "Ask the probes (stance, persona, stigma) after every Nth turn; 0 for none", DefaultValueFactory = _ => 0 };
        var patientGuard = new Option<bool>("--patient-guard") { Description = "Correct the patient's next direction when the monitor sees it break role" };
        var selfReportEvery = new Option<int>("--self-report-every") { Description = "The patient answers the PHQ-9, GAD-7 and C-SSRS screener after every Nth turn; 0 for never", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "Runs folder to write the run into (default: runs)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("run", "Run one session of a simulated patient with a therapist")
        {
            persona, variant, therapist, patient, protocol, style, turns, sessions, seed, monitor, heads, rubric, requireJudge, guard, probeEvery, patientGuard, selfReportEvery, output, json,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var config = new RunConfiguration
            {
                Persona = parse.GetValue(persona)!,
                Variant = parse.GetValue(variant),
                Therapist = parse.GetValue(therapist)!,
                Patient = parse.GetValue(patient)!,
                Protocol = parse.GetValue(protocol)!,
                Style = parse.GetValue(style)!,
                Turns = parse.GetValue(turns),
                Sessions = parse.GetValue(sessions),
                Seed = parse.GetValue(seed),
                Monitor = parse.GetValue(monitor)!,
                Heads = parse.GetValue(heads) is { } h ? Path.GetFullPath(h) : null,
                Rubric = parse.GetValue(rubric),
                Guard = parse.GetValue(guard),
                ProbeEvery = parse.GetValue(probeEvery),
                PatientGuard = parse.GetValue(patientGuard),
                SelfReportEvery = parse.GetValue(selfReportEvery),
            };
            var runsRoot = parse.GetValue(output) is { } folder ? OutputPath.Folder(folder, "--out") : services.GetRequiredService<RunStores>().DefaultRoot;
            LogFile.UseRunsFolder(runsRoot);
            var result = await services.GetRequiredService<RunService>().RunAsync(config, parse.GetValue(output) is null ? null : runsRoot, cancellationToken);
            return RunOutput.Write(result, parse.GetValue(json), services.GetRequiredService<RunStores>().Of(result), services.GetRequiredService<Simulator.Models.Costs.PriceTable>(), parse.GetValue(requireJudge));
        }));
        return command;
    }
}
