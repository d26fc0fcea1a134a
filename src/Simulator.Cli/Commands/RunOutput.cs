using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Engine.Costs;
using Simulator.Engine.Runs;
using Simulator.Monitoring.Aggregates;
using Simulator.Models.Costs;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>What <c>run</c>, <c>resume</c> and <c>branch</c> print about the run they leave, and the exit code it means.</summary>
internal static class RunOutput
{
    public static int Write(RunResult result, bool json, RunStore store, PriceTable prices, bool requireJudge = false)
    {
        var folder = new RunFolder(result.RunId, result.Path);

        // The log is read once, for the judges' health, the summary and the JSON alike.
        var history = File.Exists(folder.ManifestPath) ? RunHistory.Load(store, folder) : null;
        var transcript = history is null ? null : RunTranscript.From(history.Events);
        var judgesFailed = transcript is not null && MonitorSummary.WarnOfFailingJudges(JudgeHealth.Of(transcript));
        if (json)
        {
            JsonOutput.Write(new
            {
                runId = result.RunId,
                path = result.Path,
                turns = result.Turns,
                contentHash = result.ContentHash,
                status = result.Status,
                endReason = result.EndReason,
                error = result.Error,
                events = folder.EventsPath,
                manifest = folder.ManifestPath,
                transcript = folder.TranscriptPath,
                monitor = history is null ? null : MonitorSummary.Json(history.Events, transcript!),
                cost = history is null ? null : CostOutput.Json(RunCost.Of(history.Own.Events, prices)),
            });
        }
        else
        {
            PrintSummary(result, folder, history ?? RunHistory.Load(store, folder), prices);
        }

        return result.Status switch
        {
            RunStatus.Completed when judgesFailed && requireJudge => ExitCodes.Failure,
            RunStatus.Completed => ExitCodes.Success,
            RunStatus.Cancelled => ExitCodes.Cancelled,
            _ => ExitCodes.Failure,
        };
    }

    private static void PrintSummary(RunResult result, RunFolder folder, RunHistory history, PriceTable prices)
    {
        var events = history.Events;
        var transcript = RunTranscript.From(events);
        var o = Console.Out;
        o.WriteLine($"Run {result.RunId}: {result.Status}, {result.Turns} turns ({result.EndReason}){(result.Error is null ? "" : $": {result.Error}")}");
        if (history.Fork is { } fork)
        {
            o.WriteLine($"  branch of   {fork.ParentRunId} at turn {fork.Turn}");
        }

        o.WriteLine($"  folder      {RunTarget.Display(result.Path)}");
        o.WriteLine($"  transcript  {RunTarget.Display(folder.TranscriptPath)}");
        o.WriteLine($"  content     {result.ContentHash}");
        o.WriteLine($"  cost        {RunCost.Of(history.Own.Events, prices).Describe()}");
        if (transcript.Turns.Count > 0)
        {
            var first = transcript.InitialState;
            var last = transcript.Turns[^1].State;
            var moves = last.Keys.Where(first.ContainsKey)
                .Select(k => $"{k} {first[k].ToString("0.##", CultureInfo.InvariantCulture)} → {last[k].ToString("0.##", CultureInfo.InvariantCulture)}");
            o.WriteLine($"  state       {string.Join(", ", moves)}");
        }

        foreach (var b in transcript.Boundaries)
        {
            o.WriteLine($"  {(b == transcript.Boundaries[0] ? "sessions" : ""),-10}  {RunsCommand.SessionLine(b)}");
        }

        MonitorSummary.Write(o, events, transcript, "  ", 12);

        if (transcript.Turns.Count > 0)
        {
            var t = transcript.Turns[^1];
            o.WriteLine($"  last turn   patient:   {t.Patient}");
            o.WriteLine($"              therapist: {t.Therapist}");
        }
    }
}
