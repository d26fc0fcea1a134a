using System.Threading.Channels;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Models.Resilience;
using Simulator.Monitoring.Alerts;
using Simulator.Monitoring.Fidelity;
using Simulator.Monitoring.Guard;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Judges;

namespace Simulator.Monitoring.Worker;

/// <summary>
/// The monitor of one run: takes completed turns from its channel, scores each with every rater
/// (judges concurrently), adds the panel's median when there are several judges, raises the
/// turn's alerts, and appends it all to the run's event channel. It runs beside the session loop,
/// so turn t is scored while turn t+1 is generated; only guard mode waits for its verdicts. A
/// rescoring of a saved run (<paramref name="rescore"/> &gt; 0) marks its layers with the rescore's number.
/// </summary>
public sealed class MonitorWorker(IReadOnlyList<IRater> raters, TimeProvider clock, AlertTracker? alerts = null, VerdictBoard? verdicts = null, int rescore = 0)
{
    private readonly int _judges = raters.Count(r => r is JudgeRater);

    /// <summary>The turn being scored (judges' model calls are recorded against it).</summary>
    public int Turn { get; private set; }

    /// <summary>Scores turns until <paramref name="turns"/> completes or cancellation.</summary>
    public async Task RunAsync(ChannelReader<TurnView> turns, ChannelWriter<RunEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var turn in turns.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                Turn = turn.Turn;
                var scores = await Task.WhenAll(raters.Select(r => ScoreAsync(r, turn, cancellationToken))).ConfigureAwait(false);

                // The rules read the patient's state from its words; only now is it compared with the direction it was given.
                for (var i = 0; i < scores.Length; i++)
                {
                    scores[i] = raters[i] is OfflineRater ? PatientFidelity.Add(scores[i], turn) : scores[i];
                }

                var layers = raters.Zip(scores, (r, s) => new MonitorScored(turn.Turn, clock.GetUtcNow(), Layer(r.Name), r.RubricVersion, s.Metrics, s.Unscored, s.Evidence)).ToList();
                if (_judges >= 2)
                {
                    var panel = PanelMedian.Of([.. raters.Zip(scores).Where(x => x.First is JudgeRater).Select(x => x.Second)]);
                    var rubric = raters.OfType<JudgeRater>().First().RubricVersion;
                    layers.Add(new MonitorScored(turn.Turn, clock.GetUtcNow(), Layer(PanelMedian.RaterName), rubric, panel.Metrics, panel.Unscored, panel.Evidence));
                }

                // One layer is its own merge as far as values go; the full merge is built only for guard mode's verdicts.
                var merged = layers.Count == 1 && verdicts is null ? null : ScoreLayers.Merge(layers);
                var raised = alerts?.Observe(turn.Turn, clock.GetUtcNow(), merged?.Metrics ?? layers[0].Metrics) ?? [];
                foreach (var e in layers.Concat<RunEvent>(raised))
                {
                    await events.WriteAsync(e, cancellationToken).ConfigureAwait(false);
                }

                verdicts?.Post(new TurnVerdict(turn.Turn, merged!.Metrics, merged.Evidence, raised));
            }
        }
        catch (Exception ex)
        {
            verdicts?.Stop(new InvalidOperationException("The monitor stopped before it scored the turn guard mode waits for.", ex));
            throw;
        }

        verdicts?.Stop(new InvalidOperationException("The monitor has scored every turn it was given."));
    }

    private string Layer(string rater) => rescore > 0 ? $"{rater}{MonitorScored.RescoreMark}{rescore}" : rater;

    private static async Task<TurnScore> ScoreAsync(IRater rater, TurnView turn, CancellationToken cancellationToken)
    {
        try
        {
            return await rater.ScoreAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A rater that fails leaves the turn unscored with the reason, never a silent gap.
            var failed = new TurnScore.Builder();
            foreach (var metric in rater.MetricNames)
            {
                failed.Unscored(metric, ex is ModelCallFailedException ? ex.Message : $"{rater.Name} failed: {ex.Message}");
            }

            return failed.Build();
        }
    }
}
