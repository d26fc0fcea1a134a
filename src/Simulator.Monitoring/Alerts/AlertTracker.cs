using System.Collections.Immutable;
using System.Globalization;
using Simulator.Core.Events;
using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Alerts;

/// <summary>
/// The alerts of one run, turn by turn, from each turn's merged verdict: a threshold alert on every
/// turn a metric breaks its rule, and a change-point alert when the metric's CUSUM detector (the
/// same one the session aggregates run) finds a shift in the harmful direction. Not thread-safe:
/// one tracker per run, fed in turn order.
/// </summary>
public sealed class AlertTracker
{
    private readonly IReadOnlyList<AlertRule> _rules;
    private readonly SortedDictionary<string, (CusumDetector Detector, ChangeDirection Harmful)> _detectors = new(StringComparer.Ordinal);

    /// <summary>A tracker for <paramref name="rules"/>, with change detection on their metrics and on style drift and the observed state.</summary>
    public AlertTracker(IReadOnlyList<AlertRule> rules, SessionAggregateOptions? options = null)
    {
        _rules = rules;
        options ??= SessionAggregateOptions.Default;
        foreach (var rule in rules)
        {
            _detectors[rule.Metric] = (new CusumDetector(options.CusumOf(rule.Metric)), rule.Below ? ChangeDirection.Down : ChangeDirection.Up);
        }

        foreach (var metric in new[] { Metrics.StyleDrift, Metrics.ObservedPhq9, Metrics.ObservedConviction })
        {
            _detectors.TryAdd(metric, (new CusumDetector(options.CusumOf(metric)), ChangeDirection.Up));
        }
    }

    /// <summary>The alerts <paramref name="metrics"/> raise at <paramref name="turn"/>: thresholds in rule order, then change points by metric name.</summary>
    public IReadOnlyList<AlertRaised> Observe(int turn, DateTimeOffset at, ImmutableSortedDictionary<string, double> metrics)
    {
        var alerts = new List<AlertRaised>();
        foreach (var rule in _rules)
        {
            if (metrics.TryGetValue(rule.Metric, out var value) && rule.IsBrokenBy(value))
            {
                alerts.Add(new AlertRaised(turn, at, rule.Metric, AlertRaised.Kinds.Threshold, value, rule.Threshold, null, Text(
                    $"{rule.Metric} = {value:0.##} {(rule.Below ? "<=" : ">=")} {rule.Threshold:0.##}")));
            }
        }

        foreach (var (metric, (detector, harmful)) in _detectors)
        {
            double? value = metrics.TryGetValue(metric, out var v) ? v : null;
            if (detector.Feed(turn, value) is { } change && change.Direction == harmful)
            {
                alerts.Add(new AlertRaised(turn, at, metric, AlertRaised.Kinds.ChangePoint, value!.Value, null, change.OnsetTurn, Text(
                    $"{metric} shifted {(harmful == ChangeDirection.Up ? "up" : "down")} (CUSUM), onset after turn {change.OnsetTurn}")));
            }
        }

        return alerts;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
