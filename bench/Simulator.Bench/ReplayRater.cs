using System.Collections.Concurrent;
using Simulator.Monitoring;
using Simulator.Monitoring.Raters;

namespace Simulator.Bench;

/// <summary>
/// The offline rater's verdicts without its work: the first time a turn number is seen it is scored
/// by <see cref="OfflineRater.Score"/> and kept; afterwards the kept verdict is returned at once. A
/// session replayed with the same seed thus records the same events as a monitored one while its
/// monitor does no scoring, which separates the cost of scoring from the cost of recording the scores.
/// </summary>
internal sealed class ReplayRater : IRater
{
    private readonly ConcurrentDictionary<int, TurnScore> _kept = new();

    /// <inheritdoc />
    public string Name => "offline";

    /// <inheritdoc />
    public string RubricVersion => "offline-v1";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics.All;

    /// <inheritdoc />
    public ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_kept.GetOrAdd(turn.Turn, _ => OfflineRater.Score(turn)));
}
