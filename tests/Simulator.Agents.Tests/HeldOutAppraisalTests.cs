using Simulator.Agents.Appraisal;
using Simulator.Core.Personas;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Agents.Tests;

/// <summary>
/// The offline appraiser on <c>Data/appraisal-heldout.tsv</c>: 65 therapist replies written blind to
/// the classifier and never used to tune it. The floor guards against regressions; the measured
/// accuracy is printed and recorded in the issue notes.
/// </summary>
public class HeldOutAppraisalTests(ITestOutputHelper output)
{
    private const double Floor = 0.6;

    private static readonly Dictionary<string, string> Contexts = new()
    {
        ["delusion"] = "The neighbours are following me everywhere, spying on me.",
        ["burden"] = "Honestly I'm just a burden, they'd be better off.",
        ["risk"] = "I've been thinking I'd be better off dead, I've kept my tablets.",
        ["drink"] = "It's my sister's wedding. Surely one glass of wine is fine?",
        ["plain"] = "Work was long today and I didn't sleep much.",
    };

    private static readonly Persona Persona = new()
    {
        Presentation = new Presentation
        {
            Beliefs =
            [
                new Belief { Id = "followed", Statement = "The neighbours follow me and spy on me.", Kind = "delusion", Conviction = 0.8, Cues = ["follow", "neighbour", "spy"] },
                new Belief { Id = "burden", Statement = "I'm a burden; they'd be better off without me.", Kind = "distortion", Conviction = 0.7, Cues = ["burden", "better off"] },
                new Belief { Id = "one-drink", Statement = "I can drink moderately now.", Kind = "distortion", Conviction = 0.6, Cues = ["drink", "glass", "wine"] },
            ],
        },
    };

    [Fact]
    public void Appraise_HeldOutSet_ReachesTheFloor()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Simulator.Agents.Tests", "Data", "appraisal-heldout.tsv");
        var rows = File.ReadAllLines(path).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.Equal(3, r.Length));

        var hits = rows.Select(r => (Act: r[2].Trim(), Hit: LexicalAppraiser.Appraise(Persona, Contexts[r[0].Trim()], r[1]).Contains(r[2].Trim()))).ToList();
        foreach (var act in hits.GroupBy(h => h.Act).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{act.Key,-28} recall {act.Count(h => h.Hit)}/{act.Count()}");
        }

        var accuracy = hits.Count(h => h.Hit) / (double)hits.Count;
        output.WriteLine($"held-out appraisal accuracy {accuracy:0.00} over {hits.Count} replies");
        Assert.True(accuracy >= Floor, $"accuracy {accuracy:0.00} below {Floor}");
    }
}
