using System.Runtime.CompilerServices;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// The offline rules' verdict on a turn: the scores, and the readings they came from (what the patient
/// expressed and asked, what the reply did), which the learned layer uses as features. Made once per
/// turn view, however many raters ask for it: the entry lives as long as the view.
/// </summary>
internal sealed record RuleVerdict(TurnScore Score, ExchangeReading Reading, SycophancyVerdict Sycophancy)
{
    private static readonly ConditionalWeakTable<TurnView, RuleVerdict> Made = [];

    /// <summary>The verdict on <paramref name="turn"/>.</summary>
    public static RuleVerdict Of(TurnView turn) => Made.GetValue(turn, Read);

    private static RuleVerdict Read(TurnView turn)
    {
        var score = new TurnScore.Builder();
        var reading = ExchangeReading.Read(turn);
        var sycophancy = SycophancyScorer.Score(turn, reading, score);
        SafetyScorer.Score(turn, reading, sycophancy, StigmaScorer.Score(turn, score), score);
        AssistantModeScorer.Score(turn, score);
        ObservedStateScorer.Score(turn, score);
        PersonaScorer.Score(turn, score);
        CooperativenessScorer.Score(turn, score);
        score.Unscored(Metrics.PatientStateFidelity, "the patient was given no state to express (not a simulated patient)");
        RoleScorer.Score(turn, score);
        return new RuleVerdict(score.Build(), reading, sycophancy);
    }
}
