using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Engine.Costs;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Models.Costs;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator runs list|show</c>.</summary>
internal static class RunsCommand
{
    public static Command Create(IServiceProvider services)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON on standard output" };
        var runs = RunsFolderOption();
        RunStore Store(ParseResult parse)
        {
            var store = services.GetRequiredService<RunStores>().Open(parse.GetValue(runs));
            LogFile.UseRunsFolder(store.Root);
            return store;
        }

        (RunStore, RunFolder) Find(ParseResult parse, string argument) => RunTarget.Find(services, parse, runs, argument);

        var list = RunsListCommand.Create(Store, json, runs);

        var run = new Argument<string>("run") { Description = "Run id, or the run's folder" };
        var show = new Command("show", "Show one run: configuration, status and monitor summary") { run, json, runs };
        show.SetAction(parse => CommandAction.Guard(() =>
        {
            var (store, found) = Find(parse, parse.GetValue(run)!);
            var history = RunHistory.Load(store, found);
            var (folder, manifest, log) = (history.Folder, history.Manifest, history.Own);
            var transcript = RunTranscript.From(history.Events);
            var usage = RoleUsage.Of(log.Events);
            var cost = RunCost.Of(log.Events, services.GetRequiredService<PriceTable>());
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { run = Row(manifest, folder), manifest, completedTurns = transcript.Turns.Count, tornTail = log.TornTail, layers = LayerChoice.Names(transcript), monitor = MonitorSummary.Json(history.Events, transcript), usage, cost = CostOutput.Json(cost) });
                return ExitCodes.Success;
            }

            var c = manifest.Configuration;
            var status = RunLock.StatusOf(folder, manifest);
            Console.Out.WriteLine($"run        {folder.RunId} ({status}{(manifest.EndReason is null ? "" : $", {manifest.EndReason}")}){(status == RunStatus.Interrupted ? " — continue it with: simulator resume " + RunTarget.Quoted(RunTarget.Display(folder.Path)) : "")}");
            if (history.Fork is { } fork)
            {
                Console.Out.WriteLine($"branch of  {fork.ParentRunId} at turn {fork.Turn}{(fork.InjectedPatientMessage is null ? "" : ", patient message put in")}{(fork.SetState.Count == 0 ? "" : $", set {string.Join(", ", fork.SetState.Select(kv => $"{kv.Key}={kv.Value}"))}")}");
            }

            Console.Out.WriteLine($"persona    {c.Persona}{(c.Variant is null ? "" : $" / {c.Variant}")}");
            Console.Out.WriteLine($"therapist  {c.Therapist} · protocol {c.Protocol} · style {c.Style}");
            Console.Out.WriteLine($"patient    {c.Patient} · seed {c.Seed} · monitor {c.Monitor}");
            Console.Out.WriteLine($"turns      {transcript.Turns.Count} of {c.TotalTurns} in the log{(log.TornTail ? $" (a torn tail of {log.TornBytes} bytes, a write cut short, is left out)" : "")}");
            if (c.Sessions > 1)
            {
                Console.Out.WriteLine($"sessions   {c.Sessions} of {c.Turns} turns; in session {transcript.SessionOf(Math.Max(1, transcript.Turns.Count))}");
                foreach (var b in transcript.Boundaries)
                {
                    Console.Out.WriteLine($"           {SessionLine(b)}");
                }
            }

            Console.Out.WriteLine($"content    {manifest.ContentHash}");
            foreach (var u in usage)
            {
                Console.Out.WriteLine($"usage      {u.Role,-18} {u.Calls,6} calls {u.FailedAttempts,4} failed attempts  tokens in {u.PromptTokens,9} (cached {u.CachedTokens}) out {u.CompletionTokens,8}");
            }

            Console.Out.WriteLine($"cost       {cost.Describe()}{(history.Fork is null ? "" : " (this branch's own calls)")}");
            Console.Out.WriteLine($"layers     {string.Join(", ", LayerChoice.Names(transcript))}");
            MonitorSummary.Write(Console.Out, history.Events, transcript, "", 11);

            return ExitCodes.Success;
        }));

        return new Command("runs", "List, inspect and repair saved runs, and draw their branches") { list, show, RunsTreeCommand.Create(Store, Find, runs), RunsRepairCommand.Create(services, json, runs) };
    }

    /// <summary>One line on a course's session boundary: where it starts, the state carried over the gap and how the notes were made.</summary>
    public static string SessionLine(SessionBoundary b) =>
        $"session {b.Session} from turn {b.Turn}: {string.Join(", ", b.After.Where(kv => b.Before.ContainsKey(kv.Key)).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {b.Before[kv.Key]:0.##} → {kv.Value:0.##}")))} (notes: {b.NotesBy})";

    /// <summary>The <c>--runs DIR</c> option: the runs folder to read.</summary>
    public static Option<string?> RunsFolderOption() => new("--runs") { Description = "The runs folder (default: runs)" };

    private static object Row(RunManifest m, RunFolder folder) => new
    {
        runId = m.RunId,
        path = folder.Path,
        status = m.Status,
        createdAt = m.CreatedAt,
        persona = m.Configuration.Persona,
        variant = m.Configuration.Variant,
        therapist = m.Configuration.Therapist,
        protocol = m.Configuration.Protocol,
        style = m.Configuration.Style,
        seed = m.Configuration.Seed,
        turns = m.TurnsCompleted,
        configuredTurns = m.Configuration.TotalTurns,
        sessions = m.Configuration.Sessions,
        contentHash = m.ContentHash,
        parent = m.ParentRunId,
    };
}
