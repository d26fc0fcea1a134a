using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline.Prefilters;

namespace Simulator.Bench;

/// <summary>
/// Time of one full-text match of every generated pattern of the monitor over the corpus's patient and
/// therapist texts, and what the keyword prefilter saves: the time of one scan for all the patterns'
/// keywords, and for each pattern the share of texts it rules out.
/// </summary>
public static class RegexProfile
{
    /// <summary>Prints the most expensive patterns, µs per text, and the share of texts their keywords rule out.</summary>
    public static void Run(IReadOnlyList<CorpusTurn> turns, string label)
    {
        var patients = turns.Select(t => t.View.Patient).ToArray();
        var replies = turns.Select(t => t.View.Therapist).ToArray();
        var patterns = new List<(string Name, Regex Pattern)>();
        foreach (var type in typeof(OfflineRater).Assembly.GetTypes())
        {
            foreach (var m in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0)
                {
                    patterns.Add(($"{type.Name}.{m.Name}", (Regex)m.Invoke(null, null)!));
                }
            }
        }

        // One index of every pattern, as the rater's keyword screen builds it: one scan per text answers for all of them.
        var index = new KeywordIndex(patterns.Select(p => p.Pattern));
        var texts = patients.Concat(replies).ToArray();
        var scans = texts.Select(t => index.Scan(t)).ToArray();
        Console.WriteLine($"{label}: keyword index of {index}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: keyword scan of {index.Count} patterns at once {Time(patients, t => index.Scan(t).Length > 0):0.00} µs per patient text, {Time(replies, t => index.Scan(t).Length > 0):0.00} per reply"));
        Console.WriteLine("  µs per text, patient / therapist; share of texts the keywords rule out, share the pattern matches; keywords");
        var rows = patterns.Select(p =>
        {
            var id = index.IdOf(p.Pattern);
            var keywords = RequiredKeywords.Of(p.Pattern)?.AllKeywords().Distinct().ToList() is { } k ? $"{k.Count} keywords, shortest {k.Min(w => w.Length)}" : "no keywords";
            var skipped = scans.Count(s => !index.MayMatch(s, id)) / (double)texts.Length;
            var matched = texts.Count(p.Pattern.IsMatch) / (double)texts.Length;
            return (p.Name, Patient: Time(p.Pattern, patients), Therapist: Time(p.Pattern, replies), Skipped: skipped, Matched: matched, keywords);
        }).ToList();
        foreach (var r in rows.OrderByDescending(r => r.Patient + r.Therapist).Take(40))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Name,-50} {r.Patient,8:0.00} {r.Therapist,8:0.00}   {r.Skipped,5:P0} {r.Matched,5:P0}  {r.keywords}"));
        }
    }

    /// <summary>The keywords of the named patterns (Type.Method), most often found first: the ones that keep a pattern from being ruled out.</summary>
    public static void Keywords(IReadOnlyList<CorpusTurn> turns, IEnumerable<string> names)
    {
        var texts = turns.SelectMany(t => new[] { t.View.Patient, t.View.Therapist }).ToArray();
        foreach (var name in names)
        {
            var (type, method) = (name[..name.IndexOf('.')], name[(name.IndexOf('.') + 1)..]);
            var pattern = (Regex)typeof(OfflineRater).Assembly.GetTypes().Single(t => t.Name == type)
                .GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)!.Invoke(null, null)!;
            var found = (RequiredKeywords.Of(pattern)?.AllKeywords().Distinct() ?? []).Select(k => (k, n: texts.Count(t => t.Contains(k, StringComparison.OrdinalIgnoreCase)))).OrderByDescending(x => x.n);
            Console.WriteLine($"{name}: {string.Join(", ", found.Take(25).Select(x => $"'{x.k}' {x.n}"))}");
        }
    }

    private static double Time(Regex regex, string[] texts) => Time(texts, t => regex.Match(t).Success);

    private static double Time(string[] texts, Func<string, bool> test)
    {
        foreach (var t in texts)
        {
            _ = test(t);
        }

        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < 3; round++)
        {
            foreach (var t in texts)
            {
                _ = test(t);
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / 3 / texts.Length;
    }
}
