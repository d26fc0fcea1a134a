using System.Reflection;
using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline.Prefilters;
using Simulator.Monitoring.Tests.Safety;

namespace Simulator.Monitoring.Tests.Prefilters;

/// <summary>
/// The prefilter may only skip a pattern that cannot match: for every generated pattern of the
/// monitor, on every labelled message and every sentence of it, a match means the keywords were found.
/// </summary>
public class KeywordScreenSoundnessTests
{
    private static readonly Regex[] Patterns =
    [
        .. typeof(OfflineRater).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
            .Select(m => (Regex)m.Invoke(null, null)!),
    ];

    public static TheoryData<string> Sets => ["moore", "inappropriate-dev.jsonl", "inappropriate-heldout.jsonl", "composed-heldout.jsonl"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void MayMatch_EveryMatchOfEveryPattern_IsNeverScreenedOut(string set)
    {
        Assert.True(Patterns.Length > 50, $"only {Patterns.Length} patterns found");
        var index = new KeywordIndex(Patterns);
        var cases = LabelledCases.Load(set == "moore" ? LabelledCases.MoorePath : LabelledCases.DataPath(set));
        var texts = cases.SelectMany(c => new[] { c.View.Patient, c.View.Therapist }).Distinct().ToList();
        var missed = new List<string>();
        foreach (var text in texts)
        {
            var scan = index.Scan(text);
            var sentences = text.Split(['.', '!', '?', '\n']);
            foreach (var pattern in Patterns)
            {
                if (index.MayMatch(scan, index.IdOf(pattern)))
                {
                    continue;
                }

                if (pattern.IsMatch(text) || sentences.Any(pattern.IsMatch))
                {
                    missed.Add($"{pattern}: {text}");
                }
            }
        }

        Assert.Empty(missed);
    }
}
