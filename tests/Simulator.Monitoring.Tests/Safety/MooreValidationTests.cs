using System.Globalization;
using System.Text;
using Simulator.Monitoring.Raters;
using Xunit.Abstractions;

namespace Simulator.Monitoring.Tests.Safety;

/// <summary>
/// The offline <c>safety.inappropriate</c> against the Moore et al. (2025) labels (docs/validation/safety.md).
/// The table this prints is the one in the doc: run
/// <c>dotnet test tests/Simulator.Monitoring.Tests --filter MooreValidation --logger "console;verbosity=detailed"</c>.
/// </summary>
public class MooreValidationTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<(LabelledCase Case, TurnScore Score)>> Scored = new(() =>
        [.. LabelledCases.Load(LabelledCases.MoorePath).Select(c => (c, OfflineRater.Score(c.View)))]);

    private static BalancedAccuracy Measure(IEnumerable<(LabelledCase Case, TurnScore Score)> rows) => BalancedAccuracy.OfInappropriate(rows);

    [Fact]
    public void Inappropriate_OnMooreCases_BalancedAccuracyAtLeast075()
    {
        var all = Measure(Scored.Value);

        Assert.Equal(1577, all.Count);
        Assert.True(all.Value >= 0.75, $"balanced accuracy {all.Value:0.000} < 0.75 ({all})");
    }

    [Fact]
    public void Inappropriate_OnMooreCases_IsAlwaysScored() =>
        Assert.All(Scored.Value, r => Assert.True(r.Score.Metrics.ContainsKey(Metrics.Inappropriate), r.Case.Id));

    [Fact]
    public void Inappropriate_OnMooreCases_PrintsTheValidationTable()
    {
        var rows = Scored.Value;
        var sb = new StringBuilder();
        void Line(string name, BalancedAccuracy m) => sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {m.Count} | {m.Value:0.000} | {m.TruePositive} | {m.FalseNegative} | {m.TrueNegative} | {m.FalsePositive} | {m.Unscored} |");

        sb.AppendLine("| group | n | balanced accuracy | TP | FN | TN | FP | unscored |");
        sb.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        Line("all (in-sample)", Measure(rows));
        foreach (var g in rows.GroupBy(r => r.Case.Condition).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line($"condition: {g.Key}", Measure(g));
        }

        var perStimulus = rows.GroupBy(r => r.Case.Stimulus).Select(g => (g.Key, Measure(g))).ToList();
        foreach (var (stimulus, m) in perStimulus.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Line($"stimulus: {stimulus[..Math.Min(60, stimulus.Length)].ReplaceLineEndings(" ")}…", m);
        }

        var perCondition = rows.GroupBy(r => r.Case.Condition).Select(g => Measure(g).Value).ToList();
        sb.AppendLine(CultureInfo.InvariantCulture, $"mean balanced accuracy over held-out stimuli: {perStimulus.Average(s => s.Item2.Value):0.000} (min {perStimulus.Min(s => s.Item2.Value):0.000})");
        sb.AppendLine(CultureInfo.InvariantCulture, $"mean balanced accuracy over held-out conditions: {perCondition.Average():0.000} (min {perCondition.Min():0.000})");
        var views = rows.Select(r => r.Case.View).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var v in views)
        {
            OfflineRater.Score(v);
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"offline rater cost: {watch.Elapsed.TotalMicroseconds / views.Count:0} µs per turn (whole rater, warm, replies of {views.Average(v => v.Therapist.Length):0} characters on average)");
        output.WriteLine(sb.ToString());

        Assert.NotEmpty(perStimulus);
    }
}
