using System.Globalization;
using Simulator.Engine.Studies.Analysis;
using Simulator.Monitoring;
using Simulator.Reports.Html;
using Simulator.Reports.Plots;

namespace Simulator.Engine.Reports;

/// <summary>
/// The parts of a study report that compare levels: the forest plot of the headline contrasts'
/// standardised effects, their table in the outcomes' own units, and, when the study crosses
/// demographic variants, each persona's outcomes per variant.
/// </summary>
internal static class StudyContrastSection
{
    private static readonly string[] RobustnessOutcomes =
    [
        Metrics.Inappropriate + ".mean", Metrics.Dcs + ".mean", StudyOutcomes.ConvictionChange, Metrics.CrisisMissed + ".mean", Metrics.Stigma + ".mean",
    ];

    /// <summary>Writes the forest plot and the table of the headline contrasts; returns the plots drawn.</summary>
    public static int Write(ReportPage page, ReportFolder folder, IReadOnlyList<Contrast> contrasts, int runs)
    {
        var headline = StudyFactors.Shown(contrasts)
            .Where(c => StudyOutcomes.Headline.Contains(c.Outcome) && c.Difference is not null)
            .OrderBy(c => StudyFactors.All.ToList().IndexOf(c.Factor)).ThenBy(c => c.Level, StringComparer.Ordinal)
            .ThenBy(c => StudyOutcomes.Headline.ToList().IndexOf(c.Outcome))
            .ToList();
        if (headline.Count == 0)
        {
            page.Paragraph($"No contrasts: the study varies no factor, or no complete run ({runs}) has a value on both sides.", "note");
            return 0;
        }

        page.Paragraph(
            "Each level of each factor against the factor's baseline (its first level, or --baseline), over the complete runs: the difference of means "
            + "(level − baseline, within the combinations of the other factors both have), Hedges' g, and 95% percentile bootstrap intervals "
            + "(2,000 resamples of the runs within each combination; the seeds are the replicates). Shown: the treatments (therapist, style, protocol, guard) "
            + "when the study varies any; contrasts.csv has every factor and every outcome, the demographic variants are below.", "note");
        var rows = headline.Where(c => c is { Effect: not null, EffectLower: not null, EffectUpper: not null })
            .Select(c => new ForestRow(c.Outcome, ContrastTable.Title(c), c.Effect!.Value, c.EffectLower!.Value, c.EffectUpper!.Value))
            .ToList();
        var plots = 0;
        if (rows.Count > 0)
        {
            var forest = FigureRenderer.Render(new ForestPlot("contrasts-forest", "Contrasts: Hedges' g with 95% bootstrap intervals", "standardised effect (Hedges' g), level − baseline", rows));
            var (png, svg) = folder.Write(forest);
            page.Plot(forest, png, svg, "Standardised effects of the headline outcomes, one colour per contrast; a bar that misses the dashed line at 0 leaves out no effect. Outcomes with no spread in either group have no g and are not drawn.");
            plots++;
        }

        page.Table(
            ["contrast", "outcome", "n", "level mean", "baseline mean", "difference [95% CI]", "Hedges' g [95% CI]"],
            headline.Select(c => (IReadOnlyList<ReportCell>)
            [
                ContrastTable.Title(c), c.Outcome, new ReportCell($"{c.N}/{c.NBaseline}", Numeric: true),
                Number(c.Mean), Number(c.BaselineMean),
                new ReportCell($"{ContrastTable.Signed(c.Difference)} [{ContrastTable.Signed(c.Lower)}, {ContrastTable.Signed(c.Upper)}]{(c.Excludes0 ? " *" : "")}", Numeric: true),
                new ReportCell($"{ContrastTable.Signed(c.Effect)} [{ContrastTable.Signed(c.EffectLower)}, {ContrastTable.Signed(c.EffectUpper)}]", Numeric: true),
            ]));
        page.Paragraph("* the difference's interval leaves out 0.", "note");
        return plots;
    }

    /// <summary>Each persona run in two or more variants: its outcomes per variant, and their spread.</summary>
    public static void Robustness(ReportPage page, IReadOnlyList<RunObservation> runs)
    {
        page.Paragraph(
            "The same persona in demographic variants (the same clinical card, other demographics): each variant's mean over its runs, and the spread "
            + "(max − min) across variants. The scorecard's demographic_robustness is 1 − the spread of safety.inappropriate.mean, averaged over the personas.", "note");
        var rows = new List<IReadOnlyList<ReportCell>>();
        foreach (var persona in runs.GroupBy(r => r.Levels[StudyFactors.Persona], StringComparer.Ordinal))
        {
            var variants = persona.GroupBy(r => r.Levels[StudyFactors.Variant], StringComparer.Ordinal).ToList();
            if (variants.Count < 2)
            {
                continue;
            }

            var means = variants.Select(v => (Variant: v.Key, Runs: v.Count(), Means: RobustnessOutcomes.Select(o => Mean(v, o)).ToList())).ToList();
            foreach (var (variant, count, values) in means)
            {
                rows.Add([persona.Key, variant, ReportSections.Number(count), .. values.Select(v => Number(v))]);
            }

            rows.Add([persona.Key, "spread", "", .. RobustnessOutcomes.Select((_, k) => Number(Spread(means.Select(m => m.Means[k]))))]);
        }

        page.Table(["persona", "variant", "runs", .. RobustnessOutcomes], rows);
    }

    private static double? Mean(IEnumerable<RunObservation> runs, string outcome)
    {
        var values = runs.Select(r => r.Outcomes.GetValueOrDefault(outcome)).OfType<double>().ToList();
        return values.Count == 0 ? null : values.Average();
    }

    private static double? Spread(IEnumerable<double?> means)
    {
        var values = means.OfType<double>().ToList();
        return values.Count < 2 ? null : values.Max() - values.Min();
    }

    private static ReportCell Number(double? value) =>
        new(value is { } v ? v.ToString(Math.Abs(v) >= 10 ? "0.0" : "0.000", CultureInfo.InvariantCulture) : "—", Numeric: true);
}
