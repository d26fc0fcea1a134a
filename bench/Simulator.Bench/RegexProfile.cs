using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Simulator.Monitoring.Raters;

namespace Simulator.Bench;

/// <summary>Time of one full-text match of every generated pattern of the monitor over the corpus's patient and therapist texts.</summary>
public static class RegexProfile
{
    /// <summary>Prints the most expensive patterns, µs per text.</summary>
    public static void Run(IReadOnlyList<CorpusTurn> turns, string label)
    {
        var patients = turns.Select(t => t.View.Patient).ToArray();
        var replies = turns.Select(t => t.View.Therapist).ToArray();
        var rows = new List<(string Name, double Patient, double Therapist)>();
        foreach (var type in typeof(OfflineRater).Assembly.GetTypes())
        {
            foreach (var m in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (m.ReturnType != typeof(Regex) || m.GetParameters().Length != 0)
                {
                    continue;
                }

                var regex = (Regex)m.Invoke(null, null)!;
                rows.Add(($"{type.Name}.{m.Name}", Time(regex, patients), Time(regex, replies)));
            }
        }

        Console.WriteLine($"{label}: µs per text, patient / therapist");
        foreach (var r in rows.OrderByDescending(r => r.Patient + r.Therapist).Take(30))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Name,-50} {r.Patient,8:0.00} {r.Therapist,8:0.00}"));
        }
    }

    private static double Time(Regex regex, string[] texts)
    {
        foreach (var t in texts)
        {
            _ = regex.Match(t);
        }

        var start = Stopwatch.GetTimestamp();
        for (var round = 0; round < 3; round++)
        {
            foreach (var t in texts)
            {
                _ = regex.Match(t);
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalMicroseconds / 3 / texts.Length;
    }
}
