namespace Simulator.Core.Clinical;

/// <summary>
/// The symptom items of the PHQ-9 and the GAD-7 as persona lines name them (<c>phq9.sleep</c>,
/// <c>gad7.worry</c>). An item is not a state variable of its own: its score, 0..3 as the instrument
/// scores it ("not at all" … "nearly every day"), is read off the instrument's total in the latent
/// state, times how prominent the symptom is for the patient (<see cref="Score"/>).
/// </summary>
public static class SymptomItems
{
    /// <summary>PHQ-9 items 1–8 (item 9, thoughts of death or self-harm, is the C-SSRS's).</summary>
    public static IReadOnlyList<string> Phq9 { get; } = ["anhedonia", "mood", "sleep", "energy", "appetite", "worthlessness", "concentration", "psychomotor"];

    /// <summary>GAD-7 items (<c>worry</c> stands for items 2 and 3, uncontrollable and excessive worry).</summary>
    public static IReadOnlyList<string> Gad7 { get; } = ["nervous", "worry", "relaxing", "restless", "irritable", "dread"];

    /// <summary>The highest score of an item.</summary>
    public const int MaxScore = 3;

    /// <summary>Every item name, e.g. <c>phq9.sleep</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Phq9.Select(i => $"{StateVariables.Phq9}.{i}"), .. Gad7.Select(i => $"{StateVariables.Gad7}.{i}")];

    /// <summary>True when <paramref name="name"/> is an item such as <c>phq9.sleep</c>.</summary>
    public static bool IsItem(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>The instrument total an item belongs to (<c>phq9</c> or <c>gad7</c>), or null when it is not an item.</summary>
    public static string? TotalOf(string item) => IsItem(item) ? item[..item.IndexOf('.', StringComparison.Ordinal)] : null;

    /// <summary>How many items the instrument has (9 for the PHQ-9, 7 for the GAD-7).</summary>
    public static int ItemCount(string total) => total == StateVariables.Phq9 ? 9 : 7;

    /// <summary>
    /// The item's score, 0..3 and not rounded: the instrument's total spread evenly over its items,
    /// times <paramref name="scale"/> (how prominent the symptom is for this patient; 1 = as prominent as the average item).
    /// </summary>
    public static double Score(ClinicalState state, string item, double scale = 1)
    {
        var total = TotalOf(item) ?? throw new ArgumentException($"'{item}' is not a symptom item.", nameof(item));
        return Math.Clamp(state[total] / ItemCount(total) * scale, 0, MaxScore);
    }
}
