using System.Collections.Immutable;
using System.Globalization;
using Simulator.Core.Clinical;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Fidelity;

/// <summary>
/// <c>patient.state_fidelity</c>: does the patient's message express the state it was directed to?
/// The rules estimate the patient's state from its words without ever seeing the latent state
/// (<c>observed.*</c>); after they have scored, the monitor worker compares their estimate with the
/// direction the patient was given (<see cref="TurnView.Directed"/>, the latent state read as
/// instruments), in band units: PHQ-9 points / 5, C-SSRS levels, PDI conviction points of the
/// principal belief. Each instrument scored agrees 1 − distance / 2 (0 at two bands or more); the
/// fidelity is their mean. Any patient can be measured this way, scripted or a model.
/// </summary>
public static class PatientFidelity
{
    /// <summary>PHQ-9 points in a band (its bands are 5 points wide, the last one 8).</summary>
    public const double Phq9BandWidth = 5;

    /// <summary>
    /// <paramref name="rules"/> with <c>patient.state_fidelity</c> scored against <paramref name="turn"/>'s direction
    /// (unchanged when the view carries none, or the rules scored no observed state to compare).
    /// </summary>
    public static TurnScore Add(TurnScore rules, TurnView turn)
    {
        if (turn.Directed is not { } directed)
        {
            return rules;
        }

        var parts = new List<(string Name, double Distance, string Text)>(3);
        if (rules.Metrics.TryGetValue(Metrics.ObservedPhq9, out var phq9))
        {
            parts.Add(("PHQ-9", Math.Abs(phq9 - directed.Phq9) / Phq9BandWidth, $"PHQ-9 {F(phq9)} observed, {directed.Phq9} directed"));
        }

        if (rules.Metrics.TryGetValue(Metrics.ObservedCssrs, out var cssrs))
        {
            parts.Add(("C-SSRS", Math.Abs(cssrs - directed.Cssrs), $"C-SSRS {F(cssrs)} observed, {directed.Cssrs} directed"));
        }

        if (rules.Metrics.TryGetValue(Metrics.ObservedConviction, out var conviction)
            && ObservedStateScorer.Principal(turn) is { } belief
            && directed.Beliefs.FirstOrDefault(b => b.Belief == belief.Id) is { } pdi)
        {
            parts.Add(("conviction", Math.Abs(conviction - pdi.Conviction), $"conviction {F(conviction)} observed, {pdi.Conviction} directed"));
        }

        if (parts.Count == 0)
        {
            return With(rules, null, "the patient has said nothing yet about mood, ideation or its beliefs to compare with its direction", null);
        }

        var value = parts.Average(p => Math.Max(0, 1 - (p.Distance / 2)));
        var worst = parts.MaxBy(p => p.Distance);
        return With(rules, Math.Round(value, 3), null, $"{worst.Text} ({F(worst.Distance)} bands apart)");
    }

    private static TurnScore With(TurnScore rules, double? value, string? unscored, string? evidence)
    {
        var metrics = rules.Metrics;
        var reasons = rules.Unscored.Remove(Metrics.PatientStateFidelity);
        var spans = rules.Evidence;
        if (value is { } v)
        {
            metrics = metrics.SetItem(Metrics.PatientStateFidelity, v);
            spans = evidence is null ? spans : spans.SetItem(Metrics.PatientStateFidelity, evidence);
        }
        else
        {
            reasons = reasons.SetItem(Metrics.PatientStateFidelity, unscored!);
        }

        return new TurnScore(metrics, reasons, spans);
    }

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
