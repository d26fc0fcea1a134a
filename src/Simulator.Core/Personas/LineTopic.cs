using Simulator.Core.Clinical;

namespace Simulator.Core.Personas;

/// <summary>
/// A topic of the scripted patient: what it says about one state variable or symptom item, by the
/// band the state is in. Three forms: <see cref="Bands"/> keyed by the variable's named bands
/// (<see cref="StateBands"/>; the patient says nothing from a band without lines), the older
/// <see cref="Low"/>/<see cref="Mid"/>/<see cref="High"/> thirds of the range, or plain
/// <see cref="Lines"/> for any band. <see cref="When"/> limits the topic to a condition on the state,
/// the turn or a trend (improvement talk only while the state improves).
/// </summary>
public sealed record LineTopic
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The state variable or symptom item (<c>phq9.sleep</c>) whose band picks the lines.</summary>
    public string Variable { get; init; } = "";

    /// <summary>Relative chance of the topic.</summary>
    public double Weight { get; init; } = 1;

    /// <summary>A symptom item's prominence: its score is the total's per-item mean times this (0..3, default 1).</summary>
    public double Scale { get; init; } = 1;

    /// <summary>When the topic may be said (a <see cref="LineCondition"/>); always when null.</summary>
    public string? When { get; init; }

    /// <summary>Lines by the name of the band of <see cref="Variable"/>.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Bands { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Lines for any band (with <see cref="When"/>, e.g. improvement talk).</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>Old form: lines for the lowest third of the variable's range.</summary>
    public IReadOnlyList<string> Low { get; init; } = [];

    /// <summary>Old form: lines for the middle third.</summary>
    public IReadOnlyList<string> Mid { get; init; } = [];

    /// <summary>Old form: lines for the top third.</summary>
    public IReadOnlyList<string> High { get; init; } = [];

    /// <summary>True for the old <c>low/mid/high</c> form.</summary>
    public bool IsThirds => Bands.Count == 0 && Lines.Count == 0;

    /// <summary>True for a symptom item's topic (<c>phq9.sleep</c>).</summary>
    public bool IsItem => SymptomItems.IsItem(Variable);

    /// <summary>Every line of the topic.</summary>
    public IEnumerable<string> AllLines => Low.Concat(Mid).Concat(High).Concat(Bands.Values.SelectMany(b => b)).Concat(Lines);

    /// <summary>The lines for a variable at <paramref name="normalised"/> (0..1 of its range), old form.</summary>
    public IReadOnlyList<string> For(double normalised) => normalised < 1.0 / 3 ? Low : normalised < 2.0 / 3 ? Mid : High;

    /// <summary>The band names this topic's lines are keyed by, lowest first (the thirds for the old form and for plain lines).</summary>
    public IReadOnlyList<string> BandNames => Bands.Count > 0 ? StateBands.Of(Variable) : StateBands.Thirds;

    /// <summary>The lines of band <paramref name="index"/> of <see cref="BandNames"/> (plain lines: all of them, in every band).</summary>
    public IReadOnlyList<string> InBand(int index) =>
        Lines.Count > 0 ? Lines
        : Bands.Count > 0 ? Bands.TryGetValue(BandNames[index], out var lines) ? lines : []
        : index switch { 0 => Low, 1 => Mid, _ => High };
}
