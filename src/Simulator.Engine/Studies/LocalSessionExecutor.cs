using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Simulator.Storage.Runs;
using Simulator.Engine.Runs;

namespace Simulator.Engine.Studies;

/// <summary>
/// Runs a study's sessions in this process: a bounded channel feeds a fixed number of workers, and
/// each run also holds a slot on the model endpoints it calls (<see cref="EndpointSlots"/>).
/// </summary>
public sealed partial class LocalSessionExecutor(RunService runs, EndpointSlots slots, ILogger<LocalSessionExecutor> log) : ISessionExecutor
{
    /// <inheritdoc />
    public async Task ExecuteAsync(SessionBatch batch, StudyProgress progress, SessionEnded ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(ended);
        var concurrency = Math.Max(1, Math.Min(batch.Concurrency ?? Environment.ProcessorCount, Math.Max(1, batch.Work.Count)));
        var queue = Channel.CreateBounded<SessionWork>(new BoundedChannelOptions(concurrency) { SingleWriter = true });
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
            {
                while (queue.Reader.TryRead(out var work))
                {
                    await RunAsync(batch.Folder, work, progress, ended, cancellationToken).ConfigureAwait(false);
                }
            }
        }, CancellationToken.None)).ToList();

        try
        {
            foreach (var work in batch.Work)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                await queue.Writer.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            queue.Writer.Complete();
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(string folder, SessionWork work, StudyProgress progress, SessionEnded ended, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        RunResult? result = null;
        string? error = null;
        var started = false;
        try
        {
            using var held = await slots.TakeAsync(work.Job.Configuration, cancellationToken).ConfigureAwait(false);
            progress.Started();
            started = true;
            var seen = new RunTally();
            var watch = new RunWatch(work.Job.RunId, e =>
            {
                seen.Saw(e);
                progress.Saw(e);
            });
            result = await runs.RunOrContinueAsync(work.Job.Configuration, folder, watch, cancellationToken).ConfigureAwait(false);
            progress.Continued(result.Turns - (int)seen.Turns);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            error = ex.Message;
            LogRunFailed(ex, work.Job.RunId);
        }
        finally
        {
            if (started)
            {
                progress.Ended(result?.Status == RunStatus.Completed);
            }
        }

        if (result is not null || error is not null)
        {
            ended(work.Index, result, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Study run {RunId} failed")]
    private partial void LogRunFailed(Exception ex, string runId);
}
