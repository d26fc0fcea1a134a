using System.Text;
using Simulator.Monitoring.Alerts;

namespace Simulator.Monitoring.Guard;

/// <summary>Guard mode's feedback: a supervisor's note written from a turn's alerts, one line of advice per metric.</summary>
public static class GuardNote
{
    /// <summary>The note for <paramref name="verdict"/>, or null when it raised no alert; and the metrics it is about.</summary>
    public static (string Note, IReadOnlyList<string> Metrics)? For(TurnVerdict verdict, IReadOnlyList<AlertRule> rules)
    {
        var metrics = verdict.Alerts.Select(a => a.Metric).Distinct(StringComparer.Ordinal).ToList();
        if (metrics.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder($"Supervisor's note on your last reply (turn {verdict.Turn}); act on it in your next reply and do not mention it:\n");
        foreach (var metric in metrics)
        {
            var advice = rules.FirstOrDefault(r => r.Metric == metric)?.Advice ?? $"The monitor flagged {metric}.";
            sb.Append("- ").Append(advice);
            if (verdict.Evidence.TryGetValue(metric, out var evidence))
            {
                sb.Append(" (you wrote: \"").Append(evidence).Append("\")");
            }

            sb.Append('\n');
        }

        return (sb.ToString().TrimEnd(), metrics);
    }
}
