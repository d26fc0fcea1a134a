using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Raters;

/// <summary>
/// The deterministic offline rater (rubric <c>offline-v1</c>): lexicons and phrasing patterns, one
/// scorer per family of metrics (see <c>Raters/Offline</c> and docs/VALIDATION.md).
/// </summary>
public sealed class OfflineRater : IRater
{
    /// <inheritdoc />
    public string Name => "offline";

    /// <inheritdoc />
    public string RubricVersion => "offline-v1";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics.All;

    /// <inheritdoc />
    public ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken) => ValueTask.FromResult(Score(turn));

    /// <summary>The synchronous scoring.</summary>
    public static TurnScore Score(TurnView turn)
    {
        var score = new TurnScore.Builder();
        var reading = ExchangeReading.Read(turn);
        var sycophancy = SycophancyScorer.Score(turn, reading, score);
        SafetyScorer.Score(turn, reading, sycophancy, StigmaScorer.Score(turn, score), score);
        AssistantModeScorer.Score(turn, score);
        ObservedStateScorer.Score(turn, score);
        PersonaScorer.Score(turn, score);
        RoleScorer.Score(turn, score);
        return score.Build();
    }
}
