using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator resume &lt;run&gt;</c>: continues an interrupted or failed run to its configured length.</summary>
internal static class ResumeCommand
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("run") { Description = "Run id, or the run's folder" };
        var runs = RunsCommand.RunsFolderOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var salvage = new Option<bool>("--salvage")
        {
            Description = "Continue a run whose log is damaged mid-file: rewrite it with every readable event (the original kept as events.msgpack.bak-<n>) and go on after the last complete turn before the damage",
        };
        var command = new Command("resume", "Continue an interrupted or failed run from its last complete turn, with the same seeds") { run, runs, salvage, json };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var (store, found) = RunTarget.Find(services, parse, runs, parse.GetValue(run)!, withoutManifest: true);
            var root = store.Root;
            var result = await services.GetRequiredService<RunResumer>().ResumeAsync(found.RunId, root, RunWatch.None, parse.GetValue(salvage), cancellationToken);
            return RunOutput.Write(result, parse.GetValue(json), services.GetRequiredService<RunStores>().Of(result), services.GetRequiredService<Simulator.Models.Costs.PriceTable>());
        }));
        return command;
    }
}
