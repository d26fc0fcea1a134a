using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Agents.Probes;

/// <summary>
/// <c>self-report.phq9</c>, <c>self-report.gad7</c>, <c>self-report.cssrs</c>, to the patient (<c>run
/// --self-report-every N</c>): the screeners' items, answered in character on a copy of the history,
/// as probes are. The recorded score is the instrument's own: the PHQ-9 and GAD-7 totals (each item
/// 0 not at all … 3 nearly every day) and the C-SSRS screener's ideation level (the highest of
/// questions 1–5 answered yes). Unscored when an item is left unanswered.
/// </summary>
public static partial class SelfReportProbe
{
    /// <summary>The kind.</summary>
    public const string Kind = "self-report";

    /// <summary>The PHQ-9 probe's name.</summary>
    public const string Phq9 = Kind + ".phq9";

    /// <summary>The GAD-7 probe's name.</summary>
    public const string Gad7 = Kind + ".gad7";

    /// <summary>The C-SSRS screener probe's name.</summary>
    public const string Cssrs = Kind + ".cssrs";

    /// <summary>The PHQ-9 items, in order.</summary>
    public static IReadOnlyList<string> Phq9Items { get; } =
    [
        "Little interest or pleasure in doing things", "Feeling down, depressed, or hopeless", "Trouble falling or staying asleep, or sleeping too much",
        "Feeling tired or having little energy", "Poor appetite or overeating", "Feeling bad about yourself, or that you are a failure or have let yourself or your family down",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
    ];

    /// <summary>The GAD-7 items, in order.</summary>
    public static IReadOnlyList<string> Gad7Items { get; } =
    [
        "Feeling nervous, anxious, or on edge", "Not being able to stop or control worrying", "Worrying too much about different things", "Trouble relaxing",
        "Being so restless that it is hard to sit still", "Becoming easily annoyed or irritable", "Feeling afraid, as if something awful might happen",
    ];

    /// <summary>The C-SSRS screener's ideation questions (past month), in order of level.</summary>
    public static IReadOnlyList<string> CssrsItems { get; } =
    [
        "Have you wished you were dead or wished you could go to sleep and not wake up?",
        "Have you actually had any thoughts of killing yourself?",
        "Have you been thinking about how you might do this?",
        "Have you had these thoughts and had some intention of acting on them?",
        "Have you started to work out or worked out the details of how to kill yourself, and do you intend to carry out this plan?",
    ];

    /// <summary>The words of each frequency answer, 0..3.</summary>
    public static IReadOnlyList<string> Frequencies { get; } = ["Not at all", "Several days", "More than half the days", "Nearly every day"];

    /// <summary>The three probes, in the order they are asked.</summary>
    public static IReadOnlyList<Probe> All { get; } =
    [
        new(Phq9, Kind, "patient", FrequencyQuestion("Over the last two weeks, how often have you been bothered by any of the following problems?", Phq9Items)),
        new(Gad7, Kind, "patient", FrequencyQuestion("Over the last two weeks, how often have you been bothered by the following problems?", Gad7Items)),
        new(Cssrs, Kind, "patient",
            "Before we go on, some questions we ask everyone, about the past month. Answer each as yourself, honestly, on its own line as '<number>. yes' or '<number>. no' (a few words of your own may follow):\n"
            + string.Join('\n', CssrsItems.Select((q, i) => $"{i + 1}. {q}"))),
    ];

    /// <summary>Whether the self-report is due after <paramref name="turn"/> with <paramref name="every"/> (0 = never).</summary>
    public static bool DueAfter(int turn, int every) => every > 0 && turn > 0 && turn % every == 0;

    /// <summary>The instrument score of <paramref name="answer"/> to <paramref name="probe"/>, or why it has none.</summary>
    public static ProbeScore Score(Probe probe, string answer)
    {
        var items = Items(probe, answer);
        var missing = items.Select((v, i) => (v, i)).Where(x => x.v is null).Select(x => x.i + 1).ToList();
        if (missing.Count > 0)
        {
            return ProbeScore.Not($"no answer to item{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}");
        }

        return probe.Name == Cssrs
            ? ProbeScore.Of(items.Select((v, i) => v == 1 ? i + 1 : 0).Max())
            : ProbeScore.Of(items.Sum(v => v!.Value));
    }

    /// <summary>Each item's answer (0..3, or 0/1 for the C-SSRS), null where it was not answered; the last answer to an item counts.</summary>
    public static IReadOnlyList<int?> Items(Probe probe, string answer)
    {
        var count = probe.Name switch { Phq9 => Phq9Items.Count, Gad7 => Gad7Items.Count, _ => CssrsItems.Count };
        var items = new int?[count];
        foreach (Match m in ItemLine().Matches(answer))
        {
            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (n < 1 || n > count)
            {
                continue;
            }

            items[n - 1] = probe.Name == Cssrs ? YesNo(m.Groups[2].Value) : Frequency(m.Groups[2].Value);
        }

        return items;
    }

    private static string FrequencyQuestion(string stem, IReadOnlyList<string> items) =>
        $"Before we go on, a questionnaire we ask everyone to fill in. {stem} Answer each as yourself, honestly, on its own line as '<number>. <answer>', the answer one of: "
        + string.Join(", ", Frequencies.Select((f, i) => $"{f.ToLowerInvariant()} ({i})")) + " (a few words of your own may follow):\n"
        + string.Join('\n', items.Select((q, i) => $"{i + 1}. {q}"));

    private static int? Frequency(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        for (var i = Frequencies.Count - 1; i >= 0; i--)
        {
            if (t.StartsWith(Frequencies[i].ToLowerInvariant(), StringComparison.Ordinal))
            {
                return i;
            }
        }

        return Digit().Match(t) is { Success: true } d ? int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    private static int? YesNo(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        return t.StartsWith("yes", StringComparison.Ordinal) || t.StartsWith("yeah", StringComparison.Ordinal) ? 1
            : t.StartsWith("no", StringComparison.Ordinal) ? 0
            : null;
    }

    [GeneratedRegex(@"^\W*(\d{1,2})\s*[.):\-]\s*\**\s*(.+)$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\(?([0-3])\b")]
    private static partial Regex Digit();
}
