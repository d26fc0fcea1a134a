namespace Simulator.Monitoring.Aggregates;

/// <summary>Which way a detected change moved the series.</summary>
public enum ChangeDirection
{
    /// <summary>The level rose above the baseline (the upper sum fired).</summary>
    Up = 1,

    /// <summary>The level fell below the baseline (the lower sum fired).</summary>
    Down = -1,
}
