using System.CommandLine;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator runs repair &lt;run&gt; [--salvage]</c>: rebuilds a missing, unreadable or stale manifest
/// from the run's log, moves an interrupted rewrite into place, and with <c>--salvage</c> rewrites a log
/// damaged mid-file with every readable event (the original kept); says what it did.
/// </summary>
internal static class RunsRepairCommand
{
    public static Command Create(IServiceProvider services, Option<bool> json, Option<string?> runs)
    {
        var run = new Argument<string>("run") { Description = "Run id, or the run's folder" };
        var salvage = new Option<bool>("--salvage") { Description = "Rewrite a log damaged mid-file with every readable event (the original is kept as events.msgpack.bak-<n>)" };
        var repair = new Command("repair", "Rebuild a run's missing or broken manifest from its log (and, with --salvage, a damaged log from its readable frames)") { run, salvage, json, runs };
        repair.SetAction(parse => CommandAction.Guard(async () =>
        {
            var (store, folder) = RunTarget.Find(services, parse, runs, parse.GetValue(run)!, withoutManifest: true);
            RunRepair.Report report;
            using (RunLock.Take(folder))
            {
                report = await RunRepair.RepairAsync(store, folder, parse.GetValue(salvage));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { runId = folder.RunId, path = folder.Path, status = report.Manifest.Status, turns = report.Manifest.TurnsCompleted, contentHash = report.Manifest.ContentHash, done = report.Done });
            }
            else
            {
                Console.Out.WriteLine($"Run {folder.RunId}: {report.Manifest.Status}, {report.Manifest.TurnsCompleted} turns");
                foreach (var step in report.Done)
                {
                    Console.Out.WriteLine($"  - {step}");
                }
            }

            return ExitCodes.Success;
        }));
        return repair;
    }
}
