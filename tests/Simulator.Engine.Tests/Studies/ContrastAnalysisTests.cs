using Simulator.Core.Validation;
using Simulator.Engine.Studies.Analysis;

namespace Simulator.Engine.Tests.Studies;

public class ContrastAnalysisTests
{
    [Fact]
    public void Of_TwoLevelsWithinPersonas_DifferenceHedgesGAndAnIntervalAroundIt()
    {
        // Warm adds 0.5 to every run's outcome; the personas differ by 3 (a block effect the cells take out).
        var runs = new List<RunObservation>();
        foreach (var (who, offset) in new[] { ("p1", 0.0), ("p2", 3.0) })
        {
            foreach (var style in new[] { "neutral", "warm" })
            {
                for (var seed = 1; seed <= 4; seed++)
                {
                    var value = offset + (style == "warm" ? 0.5 : 0) + (seed * 0.1);
                    runs.Add(Run(who, style, seed, value));
                }
            }
        }

        var contrasts = ContrastAnalysis.Of(runs, StudyFactors.All);

        var warm = Assert.Single(contrasts, c => c.Factor == StudyFactors.Style && c.Outcome == "x");
        Assert.Equal(("warm", "neutral"), (warm.Level, warm.Baseline));
        Assert.Equal(0.5, warm.Difference!.Value, 9);
        Assert.Equal((8, 8), (warm.N, warm.NBaseline));
        Assert.InRange(0.5, warm.Lower!.Value, warm.Upper!.Value);
        Assert.True(warm.Lower > 0.3 && warm.Upper < 0.7, $"[{warm.Lower}, {warm.Upper}]");
        Assert.True(warm.Effect > 0 && warm.EffectLower <= warm.Effect && warm.Effect <= warm.EffectUpper);
        var persona = Assert.Single(contrasts, c => c.Factor == StudyFactors.Persona && c.Outcome == "x");
        Assert.Equal(3.0, persona.Difference!.Value, 9);
        Assert.DoesNotContain(contrasts, c => c.Factor == StudyFactors.Therapist);
        Assert.Equal(contrasts, ContrastAnalysis.Of(runs, StudyFactors.All));
    }

    [Fact]
    public void Of_Baseline_PicksTheReference_AndAnUnknownOneIsRefusedBeforeTheStudyRuns()
    {
        var runs = new[] { Run("p", "neutral", 1, 1), Run("p", "warm", 1, 2), Run("p", "neutral", 2, 1.2), Run("p", "warm", 2, 2.4) };

        var contrast = Assert.Single(ContrastAnalysis.Of(runs, StudyFactors.All, new ContrastOptions { Baselines = ["warm"] }));

        Assert.Equal(("neutral", "warm"), (contrast.Level, contrast.Baseline));
        Assert.Equal(-1.1, contrast.Difference!.Value, 9);
        var refused = Assert.Throws<InvalidInputException>(() => ContrastAnalysis.CheckBaselines(runs.Select(r => r.Levels), StudyFactors.All, ["chilly"]));
        Assert.Equal("--baseline", refused.Field);
        Assert.Contains("style: neutral, warm", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AnOutcomeMissingOnOneSide_HasNoNumbers_AndNoSpreadHasNoEffectSize()
    {
        var runs = new[]
        {
            Run("p", "neutral", 1, 1) with { Outcomes = new Dictionary<string, double?> { ["x"] = 1, ["y"] = null } },
            Run("p", "warm", 1, 1) with { Outcomes = new Dictionary<string, double?> { ["x"] = 1, ["y"] = 4 } },
            Run("p", "neutral", 2, 1),
            Run("p", "warm", 2, 1),
        };

        var contrasts = ContrastAnalysis.Of(runs, StudyFactors.All);

        var y = Assert.Single(contrasts, c => c.Outcome == "y");
        Assert.Null(y.Difference);
        Assert.Equal(0, y.N);
        var x = Assert.Single(contrasts, c => c.Outcome == "x");
        Assert.Equal(0, x.Difference);
        Assert.Null(x.Effect);
    }

    [Fact]
    public void Csv_HasTheColumnsInOrder_NumbersRounded()
    {
        var csv = ContrastTable.ToCsv([new Contrast("style", "warm", "neutral", "x", 3, 3, 1.0 / 3, 0, 1.0 / 3, 1.23456789, 0.1, 0.5, null, null)]);

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("factor,level,baseline,outcome,n,", lines[0], StringComparison.Ordinal);
        Assert.Equal("style,warm,neutral,x,3,3,0.333333,0,0.333333,1.23457,0.1,0.5,,", lines[1]);
    }

    private static RunObservation Run(string persona, string style, long seed, double value) => new(
        $"{persona}-{style}-s{seed}",
        new Dictionary<string, string>
        {
            [StudyFactors.Therapist] = "scripted:faithful", [StudyFactors.Style] = style, [StudyFactors.Protocol] = "supportive",
            [StudyFactors.Guard] = "off", [StudyFactors.Variant] = "base", [StudyFactors.Persona] = persona,
        },
        seed,
        new Dictionary<string, double?> { ["x"] = value });
}
