using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Engine.Scoring;
using Simulator.Reports.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator replay &lt;run&gt;</c>: playback (the transcript and the monitor's summary rebuilt
/// from the log, no model called); <c>--rescore</c> appends a new scoring layer; <c>--verify</c>
/// re-executes the run and says whether it reproduces.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("run") { Description = "Run id, or the run's folder" };
        var rescore = new Option<bool>("--rescore") { Description = "Score the recorded turns again and append the scores as a new layer" };
        var monitor = new Option<string>("--monitor") { Description = "The monitor to rescore with: offline (rules and learned heads), rules, or judge:<model-ref>[,...]", DefaultValueFactory = _ => "offline" };
        var heads = new Option<string?>("--heads") { Description = "Learned heads file (from 'monitor fit') to rescore with instead of the shipped heads" };
        var rubric = new Option<string?>("--rubric") { Description = "The judges' rubric: an id in protocols/rubrics (judge, spiral-bench, psychosis-bench) or a file" };
        var verify = new Option<bool>("--verify") { Description = "Re-execute with the recorded seeds and settings and compare turn by turn" };
        var layer = new Option<string?>("--layer") { Description = "Show one score layer (a rater, rubric version, rescore-N, or recorded); default: all merged, newest first" };
        var runs = RunsCommand.RunsFolderOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("replay", "Play a saved run back from its log, rescore it, or re-execute it to verify it reproduces")
        {
            run, rescore, monitor, heads, rubric, verify, layer, runs, json,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var (store, found) = RunTarget.Find(services, parse, runs, parse.GetValue(run)!);
            var (root, id) = (store.Root, found.RunId);
            if (parse.GetValue(rescore) && parse.GetValue(verify))
            {
                throw new InvalidInputException("--rescore and --verify are separate replays: run one, then the other", field: "--verify");
            }

            if (parse.GetValue(verify))
            {
                return Verified(await services.GetRequiredService<RunVerifier>().VerifyAsync(id, root, cancellationToken), parse.GetValue(json));
            }

            if (parse.GetValue(rescore))
            {
                var (number, layers, turns) = await services.GetRequiredService<RunRescorer>().RescoreAsync(id, parse.GetValue(monitor)!, root, cancellationToken, parse.GetValue(heads), parse.GetValue(rubric));
                if (!parse.GetValue(json))
                {
                    Console.Out.WriteLine($"Rescore {number} of {turns} turns: layers {string.Join(", ", layers)} appended (pick with --layer rescore-{number})");
                }

                return Playback(store, id, $"rescore-{number}", parse.GetValue(json), quiet: !parse.GetValue(json));
            }

            return Playback(store, id, parse.GetValue(layer), parse.GetValue(json), quiet: false);
        }));
        return command;
    }

    private static int Playback(RunStore store, string id, string? layer, bool json, bool quiet)
    {
        var folder = store.Open(id);
        var history = RunHistory.Load(store, folder);
        var all = RunTranscript.From(history.Events);
        var transcript = LayerChoice.Apply(all, layer);
        var hash = ContentHash.Of(history.Events, EventSerializer.Serialize);
        File.WriteAllText(folder.TranscriptPath, MarkdownTranscript.Render(folder.RunId, all));
        var matches = history.Manifest.ContentHash is null || history.Manifest.ContentHash == hash;
        if (json)
        {
            JsonOutput.Write(new
            {
                runId = folder.RunId,
                turns = transcript.Turns.Count,
                contentHash = hash,
                manifestContentHash = history.Manifest.ContentHash,
                matchesManifest = matches,
                tornTail = history.Own.TornTail,
                layers = LayerChoice.Names(all),
                transcript = folder.TranscriptPath,
                monitor = MonitorSummary.Json(history.Events, transcript),
            });
            return Checked(folder, history.Manifest.ContentHash, hash, matches);
        }

        if (quiet)
        {
            return Checked(folder, history.Manifest.ContentHash, hash, matches);
        }

        var o = Console.Out;
        o.WriteLine($"Run {folder.RunId}: {transcript.Turns.Count} turns played back from the log{(history.Own.TornTail ? $" (a torn tail of {history.Own.TornBytes} bytes, a write cut short, was left out)" : "")}");
        o.WriteLine($"  transcript  {RunTarget.Display(folder.TranscriptPath)} (rebuilt)");
        o.WriteLine($"  content     {hash}{(matches ? "" : $" (the manifest says {history.Manifest.ContentHash}: the log changed after the run ended)")}");
        o.WriteLine($"  layers      {string.Join(", ", LayerChoice.Names(all))}{(layer is null ? "" : $" (showing {layer})")}");
        MonitorSummary.Write(o, history.Events, transcript, "  ", 12);
        return Checked(folder, history.Manifest.ContentHash, hash, matches);
    }

    /// <summary>A log whose content hash is not the one its manifest recorded fails the replay (exit 1), saying so on standard error.</summary>
    private static int Checked(RunFolder folder, string? recorded, string hash, bool matches)
    {
        if (matches)
        {
            return ExitCodes.Success;
        }

        Console.Error.WriteLine($"error: run {folder.RunId}: the log's content hash {hash} is not the {recorded} its manifest recorded when the run ended: the log changed since");
        return ExitCodes.Failure;
    }

    private static int Verified(VerifyResult result, bool json)
    {
        if (json)
        {
            JsonOutput.Write(new
            {
                runId = result.RunId,
                identical = result.Identical,
                firstDivergentTurn = result.FirstDivergentTurn,
                turns = result.Turns,
                reexecutedTurns = result.ReexecutedTurns,
                contentHash = result.ContentHash,
                reexecutedContentHash = result.ReexecutedContentHash,
            });
        }
        else if (result.Identical)
        {
            Console.Out.WriteLine($"Run {result.RunId}: identical — re-executed {result.ReexecutedTurns} turns, content {result.ContentHash}");
        }
        else
        {
            Console.Out.WriteLine($"Run {result.RunId}: differs from turn {result.FirstDivergentTurn} — {result.Turns} turns recorded, {result.ReexecutedTurns} re-executed; content {result.ContentHash} vs {result.ReexecutedContentHash}");
        }

        // A run that does not reproduce is a failed check, for scripts as for people.
        return result.Identical ? ExitCodes.Success : ExitCodes.Failure;
    }
}
