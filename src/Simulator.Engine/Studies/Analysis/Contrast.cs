namespace Simulator.Engine.Studies.Analysis;

/// <summary>
/// One level of a factor against the factor's baseline on one outcome: the difference of means
/// (level − baseline, averaged over the combinations of the other factors both have), Hedges' g,
/// and 95% percentile bootstrap intervals of both over the runs (seeds as replicates). Null where
/// it cannot be computed: no run on a side, or no spread for g.
/// </summary>
/// <param name="Factor">The factor (<see cref="StudyFactors"/>, or <c>study</c>).</param>
/// <param name="Level">The level compared.</param>
/// <param name="Baseline">The level it is compared with.</param>
/// <param name="Outcome">The outcome (<see cref="StudyOutcomes"/>).</param>
/// <param name="N">Runs at the level with a value of the outcome, in the combinations both sides have.</param>
/// <param name="NBaseline">Runs at the baseline likewise.</param>
/// <param name="Mean">The level's mean.</param>
/// <param name="BaselineMean">The baseline's mean.</param>
/// <param name="Difference">Level minus baseline, in the outcome's units.</param>
/// <param name="Effect">Hedges' g: the difference over the two sides' pooled standard deviation, small-sample corrected.</param>
/// <param name="Lower">Lower end of the difference's 95% bootstrap interval.</param>
/// <param name="Upper">Upper end of the difference's 95% bootstrap interval.</param>
/// <param name="EffectLower">Lower end of g's 95% bootstrap interval.</param>
/// <param name="EffectUpper">Upper end of g's 95% bootstrap interval.</param>
public sealed record Contrast(
    string Factor,
    string Level,
    string Baseline,
    string Outcome,
    int N,
    int NBaseline,
    double? Mean,
    double? BaselineMean,
    double? Difference,
    double? Effect,
    double? Lower,
    double? Upper,
    double? EffectLower,
    double? EffectUpper)
{
    /// <summary>True when the difference's interval leaves out 0.</summary>
    public bool Excludes0 => Lower is { } l && Upper is { } u && (l > 0 || u < 0);
}
