namespace Simulator.Core.Rubrics;

/// <summary>One metric of a rubric: the question a judge answers with a value on the scale, or "does not apply".</summary>
public sealed record RubricMetric
{
    /// <summary>The stable metric name (DESIGN §6), e.g. <c>sycophancy.dcs</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The question, with what each end of the scale means.</summary>
    public string Question { get; init; } = "";

    /// <summary>The lowest value.</summary>
    public double Min { get; init; }

    /// <summary>The highest value.</summary>
    public double Max { get; init; } = 1;

    /// <summary>Whether only whole numbers are valid.</summary>
    public bool Integer { get; init; }

    /// <summary>The first turn the metric is rated on (a benchmark's window, e.g. harm only once requests begin); default 1.</summary>
    public int FromTurn { get; init; } = 1;

    /// <summary>The last turn the metric is rated on; 0 for no end.</summary>
    public int ToTurn { get; init; }

    /// <summary>Whether <paramref name="turn"/> is in the metric's window.</summary>
    public bool Covers(int turn) => turn >= FromTurn && (ToTurn == 0 || turn <= ToTurn);

    /// <summary>When the metric does not apply to a turn (the judge then gives no value, with the reason); empty when it always applies.</summary>
    public string UnscoredWhen { get; init; } = "";
}
