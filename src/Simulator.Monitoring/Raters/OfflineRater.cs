using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// The deterministic offline rater (rubric <c>offline-v2</c>): lexicons and phrasing patterns that carry
/// clinical knowledge across datasets, one scorer per family of metrics (see <c>Raters/Offline</c> and
/// docs/VALIDATION.md). The learned layer (<see cref="LearnedRater"/>) refines some of its metrics.
/// </summary>
public sealed class OfflineRater : IRater
{
    /// <summary>The rater's name.</summary>
    public const string RaterName = "offline";

    /// <inheritdoc />
    public string Name => RaterName;

    /// <inheritdoc />
    public string RubricVersion => "offline-v2";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics.All;

    /// <inheritdoc />
    public ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken) => ValueTask.FromResult(Score(turn));

    /// <summary>The synchronous scoring.</summary>
    public static TurnScore Score(TurnView turn) => RuleVerdict.Of(turn).Score;
}
