using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Monitoring.Raters;

namespace Simulator.Monitoring.Worker;

/// <summary>
/// The monitor of one run: takes completed turns from its channel, scores each with every rater,
/// and appends the scores to the run's event channel. It runs beside the session loop, so turn t
/// is scored while turn t+1 is generated; the loop never waits for it.
/// </summary>
public sealed class MonitorWorker(IReadOnlyList<IRater> raters, TimeProvider clock)
{
    /// <summary>Scores turns until <paramref name="turns"/> completes or cancellation.</summary>
    public async Task RunAsync(ChannelReader<TurnView> turns, ChannelWriter<RunEvent> events, CancellationToken cancellationToken)
    {
        await foreach (var turn in turns.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var rater in raters)
            {
                TurnScore score;
                try
                {
                    score = await rater.ScoreAsync(turn, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A rater that fails leaves the turn unscored with the reason, never a silent gap.
                    var failed = new TurnScore.Builder();
                    foreach (var metric in rater.MetricNames)
                    {
                        failed.Unscored(metric, $"rater failed: {ex.GetType().Name}: {ex.Message}");
                    }

                    score = failed.Build();
                }

                await events.WriteAsync(
                    new MonitorScored(turn.Turn, clock.GetUtcNow(), rater.Name, rater.RubricVersion, score.Metrics, score.Unscored, score.Evidence),
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
