namespace Simulator.Monitoring.Aggregates;

/// <summary>One metric's session aggregate: its series statistics and its first change point.</summary>
/// <param name="Metric">The stable metric name.</param>
/// <param name="Stats">The series statistics; unscored turns (explicitly unscored, or with no score recorded) are counted.</param>
/// <param name="FirstChangePoint">The first CUSUM alarm, or null when none fired.</param>
/// <param name="TopUnscoredReason">The most common reason a turn went unscored (ties: ordinal first), or null when none did.</param>
public sealed record MetricAggregate(string Metric, SeriesStats Stats, ChangePoint? FirstChangePoint, string? TopUnscoredReason);
