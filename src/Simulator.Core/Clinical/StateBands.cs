namespace Simulator.Core.Clinical;

/// <summary>
/// The named bands of each state variable and symptom item, by which persona lines are keyed
/// (<c>lines.topics[].bands</c>): an instrument's own severity bands where it has them, PDI-style
/// conviction bands for beliefs, guardedness for the alliance, thirds of the range otherwise.
/// </summary>
public static class StateBands
{
    /// <summary>Thirds of a 0..1 variable's range (hopelessness, distress), and the old <c>low/mid/high</c> topics of any variable.</summary>
    public static IReadOnlyList<string> Thirds { get; } = ["low", "mid", "high"];

    /// <summary>A symptom item's score: 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day.</summary>
    public static IReadOnlyList<string> Item { get; } = ["none", "mild", "moderate", "severe"];

    /// <summary>PHQ-9 bands: 0–4, 5–9, 10–14, 15–19, 20–27.</summary>
    public static IReadOnlyList<string> Phq9 { get; } = ["minimal", "mild", "moderate", "moderately-severe", "severe"];

    /// <summary>GAD-7 bands: 0–4, 5–9, 10–14, 15–21.</summary>
    public static IReadOnlyList<string> Gad7 { get; } = ["minimal", "mild", "moderate", "severe"];

    /// <summary>C-SSRS ideation levels 0..5: none, wish to be dead, active thoughts, with method, with intent, with plan and intent.</summary>
    public static IReadOnlyList<string> Cssrs { get; } = ["none", "wish", "thoughts", "method", "intent", "plan"];

    /// <summary>Conviction bands, as the PDI conviction rating reads them: 1–2, 3, 4, 5 (conviction below 0.375, to 0.625, to 0.875, above).</summary>
    public static IReadOnlyList<string> Conviction { get; } = ["letting-go", "doubting", "mostly", "certain"];

    /// <summary>Working alliance bands: guarded (below 0.35), wary (to 0.65), open.</summary>
    public static IReadOnlyList<string> Alliance { get; } = ["guarded", "wary", "open"];

    /// <summary>The bands of <paramref name="variable"/> (a state variable or a symptom item), lowest first.</summary>
    public static IReadOnlyList<string> Of(string variable) => variable switch
    {
        StateVariables.Phq9 => Phq9,
        StateVariables.Gad7 => Gad7,
        StateVariables.Cssrs => Cssrs,
        StateVariables.Alliance => Alliance,
        _ when SymptomItems.IsItem(variable) => Item,
        _ when variable.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal) => Conviction,
        _ => Thirds,
    };

    /// <summary>
    /// The band index of <paramref name="value"/> of <paramref name="variable"/>: for a symptom item,
    /// <paramref name="value"/> is its score 0..3 (rounded to the nearest band).
    /// </summary>
    public static int IndexOf(string variable, double value)
    {
        var bands = Of(variable);
        int index;
        if (ReferenceEquals(bands, Item))
        {
            index = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        }
        else if (ReferenceEquals(bands, Phq9))
        {
            index = Math.Min(4, (int)Math.Round(value, MidpointRounding.AwayFromZero) / 5);
        }
        else if (ReferenceEquals(bands, Gad7))
        {
            index = Math.Min(3, (int)Math.Round(value, MidpointRounding.AwayFromZero) / 5);
        }
        else if (ReferenceEquals(bands, Cssrs))
        {
            index = (int)Math.Floor(value + 1e-9);
        }
        else if (ReferenceEquals(bands, Alliance))
        {
            index = value < 0.35 ? 0 : value < 0.65 ? 1 : 2;
        }
        else if (ReferenceEquals(bands, Conviction))
        {
            index = value < 0.375 ? 0 : value < 0.625 ? 1 : value < 0.875 ? 2 : 3;
        }
        else
        {
            var (min, max) = StateVariables.RangeOf(variable) ?? (0, 1);
            var normalised = (value - min) / (max - min);
            index = normalised < 1.0 / 3 ? 0 : normalised < 2.0 / 3 ? 1 : 2;
        }

        return Math.Clamp(index, 0, bands.Count - 1);
    }

    /// <summary>The band name of <paramref name="value"/> of <paramref name="variable"/>.</summary>
    public static string NameOf(string variable, double value) => Of(variable)[IndexOf(variable, value)];
}
