using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator branch &lt;run&gt; --at T ...</c>: a new run from a run's turn T, with edits.</summary>
internal static class BranchCommand
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("run") { Description = "The parent: run id, or the run's folder" };
        var at = new Option<int>("--at") { Description = "Fork after this turn of the parent (0: before the first)", Required = true };
        var therapist = new Option<string?>("--therapist") { Description = "Another therapist model reference" };
        var protocol = new Option<string?>("--protocol") { Description = "Another protocol id" };
        var style = new Option<string?>("--style") { Description = "Another therapist style: neutral or warm" };
        var inject = new Option<string?>("--inject-patient") { Description = "The patient's message at turn T+1, in place of the patient model's" };
        var set = new Option<string[]>("--set") { Description = "Set a state variable at turn T+1: VAR=VALUE (repeatable)", AllowMultipleArgumentsPerToken = false };
        var guard = new Option<bool>("--guard") { Description = "Guard mode on in the branch" };
        var noGuard = new Option<bool>("--no-guard") { Description = "Guard mode off in the branch" };
        var turns = new Option<int?>("--turns") { Description = "Turns the branch runs after the fork (default: the parent's remaining turns)" };
        var runs = RunsCommand.RunsFolderOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("branch", "Fork a run at turn T into a new run with edits, and continue it")
        {
            run, at, therapist, protocol, style, inject, set, guard, noGuard, turns, runs, json,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            if (parse.GetValue(guard) && parse.GetValue(noGuard))
            {
                throw new InvalidInputException("--guard and --no-guard contradict each other", field: "--guard");
            }

            var edits = new BranchEdits
            {
                Therapist = parse.GetValue(therapist),
                Protocol = parse.GetValue(protocol),
                Style = parse.GetValue(style),
                Guard = parse.GetValue(guard) ? true : parse.GetValue(noGuard) ? false : null,
                InjectPatient = parse.GetValue(inject),
                SetState = Assignments(parse.GetValue(set) ?? []),
                Turns = parse.GetValue(turns),
            };
            var (store, found) = RunTarget.Find(services, parse, runs, parse.GetValue(run)!);
            var root = store.Root;
            var result = await services.GetRequiredService<RunBrancher>().BranchAsync(found.RunId, parse.GetValue(at), edits, root, cancellationToken);
            return RunOutput.Write(result, parse.GetValue(json), services.GetRequiredService<RunStores>().Of(result), services.GetRequiredService<Simulator.Models.Costs.PriceTable>());
        }));
        return command;
    }

    private static ImmutableSortedDictionary<string, double> Assignments(IEnumerable<string> items)
    {
        var set = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(item[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InvalidInputException($"'{item}' is not VAR=VALUE with a number", field: "--set");
            }

            set[item[..eq].Trim()] = value;
        }

        return set.ToImmutable();
    }
}
