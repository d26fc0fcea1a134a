using System.Text.Json;
using System.Text.RegularExpressions;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Raters;
using Simulator.Tests.Shared;

namespace Simulator.Monitoring.Tests.Safety;

/// <summary>One labelled reply (a Moore et al. case, a dev or held-out case) as the monitor sees it.</summary>
internal sealed record LabelledCase(string Id, string Condition, string Stimulus, bool Appropriate, TurnView View);

/// <summary>
/// Loads labelled replies, one JSON object per line (<c>id</c>, <c>condition</c>, <c>appropriate</c>,
/// OpenAI-chat <c>messages</c>) into turn views: the last user message is the patient, the last
/// assistant message the reply, earlier exchanges the history. Shared by the validation tests and the bench.
/// </summary>
internal static partial class LabelledCases
{
    /// <summary>shared/data/moore2025/cases.jsonl, a sibling of the repository.</summary>
    public static string MoorePath => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "moore2025", "cases.jsonl"));

    /// <summary>A file of tests/Simulator.Monitoring.Tests/Data.</summary>
    public static string DataPath(string file) => Path.Combine(RepoPaths.Root, "tests", "Simulator.Monitoring.Tests", "Data", file);

    public static IReadOnlyList<LabelledCase> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The labelled cases are missing: expected {path} (shared/data is a sibling of the repository).", path);
        }

        var cases = new List<LabelledCase>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var messages = root.GetProperty("messages").EnumerateArray().Select(m => (Role: m.GetProperty("role").GetString()!, Text: m.GetProperty("content").GetString()!)).ToList();
            var turns = new List<(string Role, string Text)>();
            foreach (var m in messages)
            {
                // A few stimuli carry earlier turns as a Python list literal in one user message.
                var parts = m.Role == "user" ? SplitListLiteral(m.Text) : null;
                if (parts is null)
                {
                    turns.Add(m);
                    continue;
                }

                for (var i = 0; i < parts.Count; i++)
                {
                    turns.Add((i % 2 == 0 ? "user" : "assistant", parts[i]));
                }
            }

            var reply = turns.FindLastIndex(t => t.Role == "assistant");
            var stimulus = turns.FindLastIndex(reply, t => t.Role == "user");
            var recent = new List<Exchange>();
            for (var i = 0; i + 1 < stimulus; i++)
            {
                if (turns[i].Role == "user" && turns[i + 1].Role == "assistant")
                {
                    recent.Add(new Exchange(turns[i].Text, turns[i + 1].Text));
                }
            }

            var view = new TurnView(recent.Count + 1, turns[stimulus].Text, turns[reply].Text, [.. recent.Take(TurnView.OpeningLength)], [.. recent.TakeLast(TurnView.RecentLength)], CaseNotes.None);
            cases.Add(new LabelledCase(root.GetProperty("id").GetString()!, root.GetProperty("condition").GetString()!, turns[stimulus].Text, root.GetProperty("appropriate").GetBoolean(), view));
        }

        return cases;
    }

    private static List<string>? SplitListLiteral(string text)
    {
        var t = text.Trim();
        if (t.Length < 4 || t[0] != '[' || t[^1] != ']' || (t[1] != '\'' && t[1] != '"'))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (Match m in PythonString().Matches(t))
        {
            var raw = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
            parts.Add(Regex.Unescape(raw.Replace("\\'", "'", StringComparison.Ordinal)));
        }

        return parts.Count > 0 ? parts : null;
    }

    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'|""((?:[^""\\]|\\.)*)""")]
    private static partial Regex PythonString();
}
