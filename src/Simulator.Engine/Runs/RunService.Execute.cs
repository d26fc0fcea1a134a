using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Sessions;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Alerts;
using Simulator.Monitoring.Guard;
using Simulator.Monitoring.Worker;
using Simulator.Reports.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Runs;

/// <summary>The session of a run, from where its log ends to its configured length.</summary>
public sealed partial class RunService
{
    /// <summary>
    /// Runs the session of <paramref name="folder"/> (locked by the caller) after <paramref name="prefix"/>,
    /// with its log writer and monitor beside it, and leaves the log ended, a transcript and the manifest.
    /// <paramref name="before"/> is the run's history so far as <see cref="RunHistory"/> reads it (a
    /// branch's inherited turns, then its own log): the content hash, transcript and usage are made
    /// from it and the events this session writes, in memory, rather than by reading the log back.
    /// Cancellation stops after the turn in progress is abandoned; every completed turn stays saved.
    /// </summary>
    private async Task<RunResult> ExecuteAsync(
        RunFolder folder, RunManifest manifest, SessionPlan plan, SessionPrefix prefix, IReadOnlyList<RunEvent> before, RunWatch watch, CancellationToken cancellationToken)
    {
        using var scope = log.BeginScope(new Dictionary<string, object> { ["RunId"] = folder.RunId });
        using var span = Hosting.EngineTelemetry.StartRun(folder.RunId);
        var events = Channel.CreateUnbounded<RunEvent>(new UnboundedChannelOptions { SingleReader = true });
        var turns = Channel.CreateUnbounded<TurnView>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var logWriter = EventLogWriter.Open(folder.EventsPath);
        var saved = new List<RunEvent>(before.Count + (12 * Math.Max(0, plan.Configuration.TotalTurns - prefix.Turns)));
        saved.AddRange(before);
        var writing = RunLogWriter.PumpAsync(events.Reader, logWriter, saved, watch.Saved);
        using var monitorStop = new CancellationTokenSource();
        var verdicts = plan.Configuration.Guard || plan.Configuration.PatientGuard ? new VerdictBoard() : null;
        var alerts = Primed(new AlertTracker(AlertRule.Defaults), verdicts, prefix);
        MonitorWorker? worker = null;
        worker = new MonitorWorker(plan.Monitor.Raters([.. raters], () => worker!.Turn, events.Writer, clock), clock, alerts, verdicts);
        var monitoring = worker.RunAsync(turns.Reader, events.Writer, monitorStop.Token);

        var loop = new SessionLoop(plan, appraiser, clock, verdicts);
        string reason = RunEnded.Reasons.MaxTurns;
        string? error = null;
        InvalidInputException? invalid = null;
        try
        {
            await loop.RunAsync(events.Writer, turns.Writer, prefix, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            reason = RunEnded.Reasons.Cancelled;
        }
        catch (InvalidInputException ex)
        {
            // The log does not replay (a resume or branch over a changed persona): nothing new was
            // written, and the run is left as it was.
            invalid = ex;
        }
        catch (Exception ex)
        {
            reason = RunEnded.Reasons.Error;
            error = secrets.Redact($"{ex.GetType().Name}: {ex.Message}");
            LogFailed(ex, loop.CompletedTurns + 1);
        }
        finally
        {
            // The monitor finishes the turns it was given (offline scoring takes a fraction of a millisecond
            // a turn); after Ctrl+C it does not wait for judges, whose turns not yet reached stay unjudged.
            turns.Writer.Complete();
            if (reason == RunEnded.Reasons.Cancelled && plan.Monitor.Judges.Count > 0)
            {
                await monitorStop.CancelAsync().ConfigureAwait(false);
            }

            try
            {
                await monitoring.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (monitorStop.IsCancellationRequested)
            {
            }

            if (invalid is null)
            {
                events.Writer.TryWrite(new RunEnded(loop.CompletedTurns, clock.GetUtcNow(), reason, error));
            }

            events.Writer.Complete();
            await writing.ConfigureAwait(false);
            await logWriter.DisposeAsync().ConfigureAwait(false);
        }

        if (invalid is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(invalid);
        }

        return await FinishAsync(folder, manifest, saved, loop.CompletedTurns, reason, error).ConfigureAwait(false);
    }

    /// <summary>The end of a run's bookkeeping, from its events: the transcript, then the manifest with the status, hash and usage.</summary>
    private async Task<RunResult> FinishAsync(RunFolder folder, RunManifest manifest, IReadOnlyList<RunEvent> saved, int turns, string reason, string? error)
    {
        var hash = ContentHash.Of(saved, EventSerializer.Serialize);
        await File.WriteAllTextAsync(folder.TranscriptPath, MarkdownTranscript.Render(folder.RunId, RunTranscript.From(saved)), CancellationToken.None).ConfigureAwait(false);
        var status = reason switch
        {
            RunEnded.Reasons.Cancelled => RunStatus.Cancelled,
            RunEnded.Reasons.Error => RunStatus.Failed,
            _ => RunStatus.Completed,
        };
        RunStore.WriteManifest(folder, manifest with
        {
            Status = status,
            UpdatedAt = clock.GetUtcNow(),
            TurnsCompleted = turns,
            ContentHash = hash,
            EndReason = reason,
            Error = error,
            Usage = RoleUsage.Of(saved),
        });
        LogEnded(folder.RunId, status, turns, hash);
        return new RunResult(folder.RunId, folder.Path, turns, hash, status, reason, error);
    }

    /// <summary>
    /// The alert tracker as it stood after the prefix's turns already scored (fed their recorded
    /// scores, its alerts already in the log), and guard mode's verdict on the last of them if the
    /// session goes on right after it.
    /// </summary>
    private static AlertTracker Primed(AlertTracker alerts, VerdictBoard? verdicts, SessionPrefix prefix)
    {
        foreach (var turn in Enumerable.Range(1, prefix.MonitorFrom - 1).Select(prefix.Turn))
        {
            var own = ScoreLayers.Merge(turn.Layers.Where(l => l.Rescore == 0).ToList());
            _ = alerts.Observe(turn.Turn, default, own.Metrics);
            if (turn.Turn == prefix.Turns)
            {
                verdicts?.Post(new TurnVerdict(turn.Turn, own.Metrics, own.Evidence, turn.Alerts));
            }
        }

        return alerts;
    }
}
