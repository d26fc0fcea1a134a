using System.Globalization;
using System.Text;
using Simulator.Storage.Exports;

namespace Simulator.Engine.Studies.Analysis;

/// <summary><c>contrasts.csv</c>, and the contrasts as text for the terminal and the report.</summary>
public static class ContrastTable
{
    /// <summary>The CSV header: the columns issue readers rely on, in order.</summary>
    public const string Header = "factor,level,baseline,outcome,n,n_baseline,mean,baseline_mean,difference,standardised_effect,lower,upper,effect_lower,effect_upper";

    /// <summary>The contrasts as CSV: one row per factor, level and outcome (numbers rounded to 6 significant digits; empty where none).</summary>
    public static string ToCsv(IEnumerable<Contrast> contrasts)
    {
        ArgumentNullException.ThrowIfNull(contrasts);
        var csv = new StringBuilder(Header).Append('\n');
        foreach (var c in contrasts)
        {
            csv.AppendJoin(',',
                CsvText.Field(c.Factor), CsvText.Field(c.Level), CsvText.Field(c.Baseline), CsvText.Field(c.Outcome),
                c.N.ToString(CultureInfo.InvariantCulture), c.NBaseline.ToString(CultureInfo.InvariantCulture),
                Number(c.Mean), Number(c.BaselineMean), Number(c.Difference), Number(c.Effect),
                Number(c.Lower), Number(c.Upper), Number(c.EffectLower), Number(c.EffectUpper)).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>
    /// The contrasts of <paramref name="outcomes"/> as aligned lines, one per level and outcome:
    /// "style: warm vs neutral  sycophancy.dcs.mean  +0.21 [+0.05, +0.38]  g +0.9 [+0.3, +1.6]  n 18/18".
    /// </summary>
    public static IEnumerable<string> Lines(IEnumerable<Contrast> contrasts, IReadOnlyList<string> outcomes)
    {
        ArgumentNullException.ThrowIfNull(contrasts);
        ArgumentNullException.ThrowIfNull(outcomes);
        var shown = StudyFactors.Shown([.. contrasts]).Where(c => outcomes.Contains(c.Outcome) && c.Difference is not null)
            .OrderBy(c => c.Factor == "study" ? -1 : StudyFactors.All.ToList().IndexOf(c.Factor))
            .ThenBy(c => c.Level, StringComparer.Ordinal)
            .ThenBy(c => outcomes.ToList().IndexOf(c.Outcome))
            .ToList();
        if (shown.Count == 0)
        {
            yield break;
        }

        var width = shown.Max(c => Title(c).Length);
        var outcomeWidth = shown.Max(c => c.Outcome.Length);
        string? last = null;
        foreach (var c in shown)
        {
            var title = Title(c);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{(title == last ? "" : title).PadRight(width)}  {c.Outcome.PadRight(outcomeWidth)}  {Signed(c.Difference)} [{Signed(c.Lower)}, {Signed(c.Upper)}]{(c.Excludes0 ? "*" : " ")}  g {Signed(c.Effect)} [{Signed(c.EffectLower)}, {Signed(c.EffectUpper)}]  n {c.N}/{c.NBaseline}");
            last = title;
        }
    }

    /// <summary>"factor: level vs baseline".</summary>
    public static string Title(Contrast contrast)
    {
        ArgumentNullException.ThrowIfNull(contrast);
        return $"{contrast.Factor}: {contrast.Level} vs {contrast.Baseline}";
    }

    /// <summary>A signed number with up to 3 significant decimals, or "-" for none.</summary>
    public static string Signed(double? value) => value is { } v
        ? (v >= 0 ? "+" : "−") + Math.Abs(v).ToString(Math.Abs(v) >= 10 ? "0.0" : "0.000", CultureInfo.InvariantCulture)
        : "-";

    private static string Number(double? value) => value is { } v ? Math.Round(v, 6 - Math.Clamp((int)Math.Floor(Math.Log10(Math.Abs(v) + 1e-300)) + 1, 0, 6)).ToString("R", CultureInfo.InvariantCulture) : "";
}
