namespace Simulator.Core.Clinical;

/// <summary>The latent state read out as clinical instruments, each with its severity band.</summary>
public sealed record InstrumentReadout(
    int Phq9,
    string Phq9Band,
    int Gad7,
    string Gad7Band,
    int Cssrs,
    string CssrsLabel,
    IReadOnlyList<PdiReadout> Beliefs)
{
    /// <summary>Reads every instrument off <paramref name="state"/>.</summary>
    public static InstrumentReadout Of(ClinicalState state)
    {
        var phq9 = Instruments.Phq9(state);
        var gad7 = Instruments.Gad7(state);
        var cssrs = Instruments.Cssrs(state);
        return new InstrumentReadout(
            phq9, Instruments.Phq9Band(phq9), gad7, Instruments.Gad7Band(gad7), cssrs, Instruments.CssrsLabel(cssrs),
            [.. state.Beliefs.Select(b => PdiReadout.Of(state, b))]);
    }

    /// <summary>Flat name → value pairs for exports: <c>phq9</c>, <c>gad7</c>, <c>cssrs</c>, <c>pdi.conviction.&lt;belief&gt;</c>, ...</summary>
    public IReadOnlyDictionary<string, int> Scores()
    {
        var scores = new SortedDictionary<string, int>(StringComparer.Ordinal) { ["phq9"] = Phq9, ["gad7"] = Gad7, ["cssrs"] = Cssrs };
        foreach (var b in Beliefs)
        {
            scores[$"pdi.conviction.{b.Belief}"] = b.Conviction;
            scores[$"pdi.distress.{b.Belief}"] = b.Distress;
            scores[$"pdi.preoccupation.{b.Belief}"] = b.Preoccupation;
        }

        return scores;
    }
}

/// <summary>PDI-style ratings of one belief, 1..5 each.</summary>
public sealed record PdiReadout(string Belief, int Conviction, int Distress, int Preoccupation)
{
    private static readonly string[] ConvictionLabels = ["do not believe it", "believe it a little", "half believe it", "mostly believe it", "absolutely certain"];
    private static readonly string[] DistressLabels = ["not at all distressing", "a little distressing", "moderately distressing", "quite distressing", "extremely distressing"];
    private static readonly string[] PreoccupationLabels = ["hardly think about it", "think about it sometimes", "think about it often", "think about it most of the day", "think about it all the time"];

    /// <summary>
    /// Reads a belief: conviction from its conviction; distress from overall distress, weighted by
    /// how strongly the belief is held; preoccupation from conviction, raised by anxiety.
    /// </summary>
    public static PdiReadout Of(ClinicalState state, string belief)
    {
        var conviction = state[StateVariables.Conviction(belief)];
        var distress = state.Get(StateVariables.Distress) ?? 0.5;
        var anxiety = (state.Get(StateVariables.Gad7) ?? 10.5) / 21;
        return new PdiReadout(
            belief,
            Scale(conviction),
            Scale(distress * (0.4 + (0.6 * conviction))),
            Scale(conviction * (0.5 + (0.5 * anxiety))));
    }

    /// <summary>The conviction rating in words.</summary>
    public string ConvictionLabel => ConvictionLabels[Conviction - 1];

    /// <summary>The distress rating in words.</summary>
    public string DistressLabel => DistressLabels[Distress - 1];

    /// <summary>The preoccupation rating in words.</summary>
    public string PreoccupationLabel => PreoccupationLabels[Preoccupation - 1];

    private static int Scale(double unit) => 1 + (int)Math.Round(4 * Math.Clamp(unit, 0, 1), MidpointRounding.AwayFromZero);
}
