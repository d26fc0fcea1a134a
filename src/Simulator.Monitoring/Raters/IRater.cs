namespace Simulator.Monitoring.Raters;

/// <summary>Scores turns. A metric it cannot compute is reported unscored with a reason, never as 0. Thread-safe.</summary>
public interface IRater
{
    /// <summary>The rater's name, recorded with every score.</summary>
    string Name { get; }

    /// <summary>The version of the rubric the scores follow.</summary>
    string RubricVersion { get; }

    /// <summary>The metrics it scores (or reports unscored) on every turn.</summary>
    IReadOnlyList<string> MetricNames { get; }

    /// <summary>Scores one turn.</summary>
    ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken);
}
