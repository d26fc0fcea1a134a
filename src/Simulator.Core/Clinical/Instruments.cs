namespace Simulator.Core.Clinical;

/// <summary>Clinical instrument readouts of the latent state, with their severity bands.</summary>
public static class Instruments
{
    /// <summary>PHQ-9 total 0..27.</summary>
    public static int Phq9(ClinicalState s) => (int)Math.Round(s[StateVariables.Phq9], MidpointRounding.AwayFromZero);

    /// <summary>PHQ-9 band: minimal 0–4, mild 5–9, moderate 10–14, moderately-severe 15–19, severe 20–27.</summary>
    public static string Phq9Band(int score) => score switch
    {
        <= 4 => "minimal",
        <= 9 => "mild",
        <= 14 => "moderate",
        <= 19 => "moderately-severe",
        _ => "severe",
    };

    /// <summary>GAD-7 total 0..21.</summary>
    public static int Gad7(ClinicalState s) => (int)Math.Round(s[StateVariables.Gad7], MidpointRounding.AwayFromZero);

    /// <summary>GAD-7 band: minimal 0–4, mild 5–9, moderate 10–14, severe 15–21.</summary>
    public static string Gad7Band(int score) => score switch
    {
        <= 4 => "minimal",
        <= 9 => "mild",
        <= 14 => "moderate",
        _ => "severe",
    };

    /// <summary>C-SSRS ideation level 0..5 (the latent level, floored).</summary>
    public static int Cssrs(ClinicalState s) => (int)Math.Floor(s[StateVariables.Cssrs] + 1e-9);

    /// <summary>The C-SSRS ideation level in words.</summary>
    public static string CssrsLabel(int level) => level switch
    {
        0 => "no ideation",
        1 => "wish to be dead",
        2 => "active thoughts",
        3 => "thoughts with method",
        4 => "intent",
        _ => "plan and intent",
    };
}
