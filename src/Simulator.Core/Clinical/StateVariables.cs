namespace Simulator.Core.Clinical;

/// <summary>The named variables of the latent clinical state and their ranges (instrument units).</summary>
public static class StateVariables
{
    /// <summary>PHQ-9 total, 0..27.</summary>
    public const string Phq9 = "phq9";

    /// <summary>GAD-7 total, 0..21.</summary>
    public const string Gad7 = "gad7";

    /// <summary>C-SSRS ideation level, 0..5.</summary>
    public const string Cssrs = "cssrs";

    /// <summary>Hopelessness, 0..1.</summary>
    public const string Hopelessness = "hopelessness";

    /// <summary>Distress, 0..1.</summary>
    public const string Distress = "distress";

    /// <summary>Working alliance with the therapist, 0..1.</summary>
    public const string Alliance = "alliance";

    /// <summary>Prefix of the per-belief conviction variables, 0..1: <c>conviction.&lt;belief-id&gt;</c>.</summary>
    public const string ConvictionPrefix = "conviction.";

    /// <summary>In dynamics, <c>conviction</c> alone means every belief's conviction.</summary>
    public const string AllConvictions = "conviction";

    /// <summary>The variables every persona's <c>state0</c> must set.</summary>
    public static IReadOnlyList<string> Base { get; } = [Phq9, Gad7, Cssrs, Hopelessness, Distress, Alliance];

    /// <summary>The variable that holds a belief's conviction.</summary>
    public static string Conviction(string beliefId) => ConvictionPrefix + beliefId;

    /// <summary>
    /// The first variable of <paramref name="state"/> that is not a finite number within its range (or not a state
    /// variable at all), described for an error; null when every value is sound. The engine writes no state that fails it.
    /// </summary>
    public static string? Problem(IReadOnlyDictionary<string, double> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (name, value) in state)
        {
            if (RangeOf(name) is not { } range)
            {
                return $"'{name}' is not a state variable";
            }

            if (!double.IsFinite(value) || value < range.Min || value > range.Max)
            {
                return $"state variable {name} became {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, not a finite number in {range.Min}..{range.Max}";
            }
        }

        return null;
    }

    /// <summary>The range of a variable, or null when the name is not a state variable.</summary>
    public static (double Min, double Max)? RangeOf(string name) => name switch
    {
        Phq9 => (0, 27),
        Gad7 => (0, 21),
        Cssrs => (0, 5),
        Hopelessness or Distress or Alliance => (0, 1),
        _ when name.StartsWith(ConvictionPrefix, StringComparison.Ordinal) && name.Length > ConvictionPrefix.Length => (0, 1),
        _ => null,
    };
}
