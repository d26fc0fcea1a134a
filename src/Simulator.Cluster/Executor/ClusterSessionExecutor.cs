using MessagePack;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Grains;
using Simulator.Engine.Runs;
using Simulator.Engine.Studies;
using Simulator.Storage.EventLog;

namespace Simulator.Cluster.Executor;

/// <summary>
/// Runs a study's sessions on an Orleans cluster (DESIGN §11): hands them to the study's coordinator
/// grain, then follows it twice a second — counting progress, and passing each session's end to the
/// study runner, which reads the run from the shared study folder as it does for local runs. The
/// client may lose the cluster for a while (a node with the coordinator died): it keeps asking
/// until <see cref="Patience"/> has passed without an answer. Cancellation asks the coordinator to
/// stop every session after its current turn, and waits for them.
/// </summary>
public sealed partial class ClusterSessionExecutor(IClusterClient client, EndpointSlots slots, TimeProvider clock, ILogger<ClusterSessionExecutor> log) : ISessionExecutor
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the cluster may go without answering before the study gives up on it.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromMinutes(3);

    /// <inheritdoc />
    public async Task ExecuteAsync(SessionBatch batch, StudyProgress progress, SessionEnded ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(ended);
        if (batch.Work.Count == 0)
        {
            return;
        }

        var coordinator = client.GetGrain<IStudyCoordinatorGrain>(batch.Folder);
        var order = Order(batch);
        if (await Patiently(() => coordinator.SubmitAsync(order), CancellationToken.None).ConfigureAwait(false) is { } refused)
        {
            throw new Core.Validation.InvalidInputException(refused, batch.Folder, field: "--cluster");
        }

        LogSubmitted(batch.Folder, batch.Work.Count);

        var byIndex = batch.Work.ToDictionary(w => w.Index);
        var reported = new HashSet<int>();
        var cancelling = false;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested && !cancelling)
            {
                cancelling = true;
                await Patiently(coordinator.CancelAsync, CancellationToken.None).ConfigureAwait(false);
            }

            var status = await Patiently(coordinator.StatusAsync, CancellationToken.None).ConfigureAwait(false);
            // An attempt this client joined may report runs it did not ask for (complete before it restarted).
            foreach (var report in status.Ended.Where(r => byIndex.ContainsKey(r.Index) && reported.Add(r.Index)))
            {
                var work = byIndex[report.Index];
                progress.Continued(report.Turns - report.TurnsSeen);
                progress.Finished(report.Status == Storage.Runs.RunStatus.Completed);
                if (report.Status is null && report.Error is null)
                {
                    continue;
                }

                var result = report.Status is null ? null : new RunResult(
                    work.Job.RunId, Path.Combine(batch.Folder, work.Job.RunId), report.Turns, report.ContentHash ?? "", report.Status, report.EndReason ?? "", report.Error);
                ended(report.Index, result, report.Error);
            }

            progress.Follow(status.Running, status.TurnsSeen, status.Tokens, status.Alerts);
            if (status.Finished)
            {
                LogFinished(batch.Folder, status.Ended.Count, status.Restarts, status.Nodes);
                return;
            }

            await Task.Delay(Poll, clock, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private StudyOrder Order(SessionBatch batch)
    {
        var jobs = batch.Work.Select(w => new StudyOrderJob(
            w.Index, w.Job.RunId, MessagePackSerializer.Serialize(w.Job.Configuration, EventSerializer.Options), EndpointSlots.EndpointsOf(w.Job.Configuration))).ToList();
        var endpointSlots = jobs.SelectMany(j => j.Endpoints).Distinct(StringComparer.Ordinal)
            .ToDictionary(e => e, slots.SlotsOf, StringComparer.Ordinal);
        return new StudyOrder(batch.Folder, jobs, batch.Concurrency, endpointSlots);
    }

    /// <summary>Calls the cluster until it answers, or throws once it has not for <see cref="Patience"/>.</summary>
    private async Task<T> Patiently<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var since = clock.GetTimestamp();
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && clock.GetElapsedTime(since) < Patience)
            {
                LogUnanswered(ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private Task Patiently(Func<Task> call, CancellationToken cancellationToken) => Patiently(async () =>
    {
        await call().ConfigureAwait(false);
        return true;
    }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Folder}: {Sessions} sessions handed to the cluster")]
    private partial void LogSubmitted(string folder, int sessions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Study {Folder}: {Ended} sessions ended on the cluster, {Restarts} started again after a lost node, {Nodes} nodes live")]
    private partial void LogFinished(string folder, int ended, int restarts, int nodes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster did not answer ({Reason}); asking again")]
    private partial void LogUnanswered(string reason);
}
