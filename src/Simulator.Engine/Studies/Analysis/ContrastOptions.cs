namespace Simulator.Engine.Studies.Analysis;

/// <summary>How contrasts are computed.</summary>
public sealed record ContrastOptions
{
    /// <summary>The default options: 2,000 resamples, seed 20261123, the first level of each factor as its baseline.</summary>
    public static ContrastOptions Default { get; } = new();

    /// <summary>Levels to compare the others with, each of whichever factor has it (<c>--baseline</c>); a factor none names takes its first level in the study's order.</summary>
    public IReadOnlyList<string> Baselines { get; init; } = [];

    /// <summary>Bootstrap resamples. Default 2,000.</summary>
    public int Resamples { get; init; } = 2000;

    /// <summary>The seed of the resampling, so the intervals are the same every time. Default 20261123.</summary>
    public long Seed { get; init; } = 20261123;
}
