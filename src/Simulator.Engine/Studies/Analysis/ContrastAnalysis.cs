using MathNet.Numerics.Statistics;
using Simulator.Core.Randomness;
using Simulator.Core.Validation;

namespace Simulator.Engine.Studies.Analysis;

/// <summary>
/// A study's contrasts (<see cref="Contrast"/>): for every factor with two or more levels, every other
/// level against the baseline, on every outcome. The runs are grouped into cells by their levels on
/// the other factors; a cell counts when it has runs with a value at both the level and the baseline,
/// so a contrast compares like with like (for a full factorial design this is the plain difference of
/// the two levels' means). The bootstrap resamples runs with replacement within each cell and side
/// (seeds are the replicates), <see cref="ContrastOptions.Resamples"/> times, from a fixed seed.
/// </summary>
public static class ContrastAnalysis
{
    /// <summary>
    /// The contrasts of <paramref name="runs"/> on <paramref name="factors"/>, in factor, level and outcome
    /// order. A baseline no run has (its runs failed) leaves its factor's first level as the baseline.
    /// </summary>
    public static IReadOnlyList<Contrast> Of(IReadOnlyList<RunObservation> runs, IReadOnlyList<string> factors, ContrastOptions? options = null) =>
        Of(runs, factors, factors, options);

    /// <summary>
    /// The contrasts of <paramref name="runs"/> on <paramref name="contrasted"/> only, the cells made by
    /// every other factor of <paramref name="factors"/> (two studies compared: <c>study</c> contrasted,
    /// within each configuration both have).
    /// </summary>
    public static IReadOnlyList<Contrast> Of(IReadOnlyList<RunObservation> runs, IReadOnlyList<string> contrasted, IReadOnlyList<string> factors, ContrastOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(contrasted);
        ArgumentNullException.ThrowIfNull(factors);
        options ??= ContrastOptions.Default;
        var varying = contrasted.Select(f => (Factor: f, Levels: LevelsOf(runs.Select(r => r.Levels), f))).Where(f => f.Levels.Count >= 2).ToList();
        var outcomes = runs.SelectMany(r => r.Outcomes.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var contrasts = new List<Contrast>();
        foreach (var (factor, levels) in varying)
        {
            var baseline = levels.FirstOrDefault(options.Baselines.Contains) ?? levels[0];
            var others = factors.Where(f => f != factor).ToList();
            foreach (var level in levels.Where(l => l != baseline))
            {
                foreach (var outcome in outcomes)
                {
                    contrasts.Add(One(runs, factor, level, baseline, outcome, others, options));
                }
            }
        }

        return contrasts;
    }

    /// <summary>Refuses a baseline that is no level of any factor the runs vary (checked before a study runs).</summary>
    /// <exception cref="InvalidInputException">A baseline names no such level.</exception>
    public static void CheckBaselines(IEnumerable<IReadOnlyDictionary<string, string>> runs, IReadOnlyList<string> factors, IReadOnlyList<string> baselines)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(baselines);
        var levels = runs.ToList();
        var varying = factors.Select(f => (Factor: f, Levels: LevelsOf(levels, f))).Where(f => f.Levels.Count >= 2).ToList();
        foreach (var wanted in baselines.Where(b => !varying.Any(f => f.Levels.Contains(b))))
        {
            throw new InvalidInputException(
                varying.Count == 0
                    ? $"'{wanted}' cannot be a baseline: the study varies no factor (therapist, style, protocol, guard, variant or persona)"
                    : $"'{wanted}' is not a level of any factor the study varies ({string.Join("; ", varying.Select(f => $"{f.Factor}: {string.Join(", ", f.Levels)}"))})",
                field: "--baseline");
        }
    }

    /// <summary>The levels <paramref name="factor"/> takes, in the order runs first show them.</summary>
    public static IReadOnlyList<string> LevelsOf(IEnumerable<IReadOnlyDictionary<string, string>> runs, string factor)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. runs.Select(r => r.GetValueOrDefault(factor)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    private static Contrast One(IReadOnlyList<RunObservation> runs, string factor, string level, string baseline, string outcome, List<string> others, ContrastOptions options)
    {
        // Cells: the combinations of the other factors' levels with values on both sides.
        var cells = runs
            .Where(r => r.Outcomes.GetValueOrDefault(outcome) is { } v && double.IsFinite(v) && (r.Levels.GetValueOrDefault(factor) == level || r.Levels.GetValueOrDefault(factor) == baseline))
            .GroupBy(r => string.Join('\u001f', others.Select(o => r.Levels.GetValueOrDefault(o) ?? "")), StringComparer.Ordinal)
            .Select(g => (
                Level: g.Where(r => r.Levels[factor] == level).Select(r => r.Outcomes[outcome]!.Value).ToArray(),
                Baseline: g.Where(r => r.Levels[factor] == baseline).Select(r => r.Outcomes[outcome]!.Value).ToArray()))
            .Where(c => c.Level.Length > 0 && c.Baseline.Length > 0)
            .ToList();
        var n = cells.Sum(c => c.Level.Length);
        var nBaseline = cells.Sum(c => c.Baseline.Length);
        if (cells.Count == 0)
        {
            return new Contrast(factor, level, baseline, outcome, 0, 0, null, null, null, null, null, null, null, null);
        }

        var (difference, effect) = Estimate(cells);
        var random = SeededRandom.For(options.Seed, $"contrast|{factor}|{level}|{baseline}|{outcome}");
        var differences = new List<double>(options.Resamples);
        var effects = new List<double>(options.Resamples);
        var resampled = cells.Select(c => (Level: new double[c.Level.Length], Baseline: new double[c.Baseline.Length])).ToList();
        for (var b = 0; b < options.Resamples; b++)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                Resample(cells[i].Level, resampled[i].Level, random);
                Resample(cells[i].Baseline, resampled[i].Baseline, random);
            }

            var (d, g) = Estimate(resampled);
            differences.Add(d);
            if (g is { } x)
            {
                effects.Add(x);
            }
        }

        var (lower, upper) = Interval(differences);
        var (effectLower, effectUpper) = effects.Count >= options.Resamples / 2 ? Interval(effects) : (null, null);
        return new Contrast(
            factor, level, baseline, outcome, n, nBaseline,
            cells.SelectMany(c => c.Level).Average(), cells.SelectMany(c => c.Baseline).Average(),
            difference, effect, lower, upper, effectLower, effectUpper);
    }

    /// <summary>The difference averaged over cells, and Hedges' g over the pooled standard deviation of both sides' runs.</summary>
    private static (double Difference, double? Effect) Estimate(IReadOnlyList<(double[] Level, double[] Baseline)> cells)
    {
        var difference = cells.Average(c => c.Level.Average() - c.Baseline.Average());
        var level = cells.SelectMany(c => c.Level).ToArray();
        var baseline = cells.SelectMany(c => c.Baseline).ToArray();
        var (n1, n2) = (level.Length, baseline.Length);
        if (n1 + n2 < 3)
        {
            return (difference, null);
        }

        var pooled = (((n1 - 1) * (n1 > 1 ? level.Variance() : 0)) + ((n2 - 1) * (n2 > 1 ? baseline.Variance() : 0))) / (n1 + n2 - 2);
        if (!(pooled > 1e-12))
        {
            return (difference, null);
        }

        var correction = 1 - (3.0 / ((4.0 * (n1 + n2)) - 9));
        return (difference, difference / Math.Sqrt(pooled) * correction);
    }

    private static void Resample(double[] from, double[] into, SeededRandom random)
    {
        for (var i = 0; i < into.Length; i++)
        {
            into[i] = from[random.Next(from.Length)];
        }
    }

    private static (double? Lower, double? Upper) Interval(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return (SortedArrayStatistics.Quantile(sorted, 0.025), SortedArrayStatistics.Quantile(sorted, 0.975));
    }
}
