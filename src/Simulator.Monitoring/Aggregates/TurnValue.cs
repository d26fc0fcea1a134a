namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// One turn of a per-turn series: the turn number and the value, or null when the turn went
/// unscored. Unscored turns are skipped by every statistic but counted.
/// </summary>
/// <param name="Turn">The turn number; series are in strictly increasing turn order.</param>
/// <param name="Value">The value, or null when the turn was not scored.</param>
public readonly record struct TurnValue(int Turn, double? Value)
{
    /// <summary>Whether the turn was scored.</summary>
    public bool IsScored => Value.HasValue;

    /// <summary>
    /// Throws when <paramref name="series"/> is not in strictly increasing turn order, or a value is not finite.
    /// </summary>
    internal static void Validate(IReadOnlyList<TurnValue> series, string paramName)
    {
        ArgumentNullException.ThrowIfNull(series, paramName);
        for (var i = 0; i < series.Count; i++)
        {
            if (i > 0 && series[i].Turn <= series[i - 1].Turn)
            {
                throw new ArgumentException($"Turns must be strictly increasing; turn {series[i].Turn} follows {series[i - 1].Turn}.", paramName);
            }

            if (series[i].Value is { } v && !double.IsFinite(v))
            {
                throw new ArgumentException($"Turn {series[i].Turn} has a value that is not finite; use null for unscored.", paramName);
            }
        }
    }
}
