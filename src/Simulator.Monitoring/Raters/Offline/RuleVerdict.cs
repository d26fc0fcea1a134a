using System.Runtime.CompilerServices;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// The offline rules' verdict on a turn: the scores, and the readings they came from (what the patient
/// expressed and asked, what the reply did), which the learned layer uses as features. Made once per
/// turn view, however many raters ask for it: the entry lives as long as the view.
/// </summary>
internal sealed record RuleVerdict(TurnScore Score, ExchangeReading Reading, SycophancyVerdict Sycophancy)
{
    // Lazy: the rules and the learned heads ask for a turn's verdict at once, on two threads, and the
    // table may run its factory for both; the verdict itself is read once.
    private static readonly ConditionalWeakTable<TurnView, Lazy<RuleVerdict>> Made = [];

    /// <summary>The verdict on <paramref name="turn"/>.</summary>
    public static RuleVerdict Of(TurnView turn) => Made.GetValue(turn, static t => new Lazy<RuleVerdict>(() => Read(t))).Value;

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
