using System.Collections.Immutable;

namespace Simulator.Monitoring.Raters;

/// <summary>A rater's verdict on one turn: values, unscored metrics with reasons, evidence spans.</summary>
public sealed record TurnScore(
    ImmutableSortedDictionary<string, double> Metrics,
    ImmutableSortedDictionary<string, string> Unscored,
    ImmutableSortedDictionary<string, string> Evidence)
{
    /// <summary>Collects a verdict metric by metric.</summary>
    public sealed class Builder
    {
        private readonly ImmutableSortedDictionary<string, double>.Builder _metrics = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        private readonly ImmutableSortedDictionary<string, string>.Builder _unscored = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        private readonly ImmutableSortedDictionary<string, string>.Builder _evidence = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);

        /// <summary>Records a value and, if any, the span that supports it.</summary>
        public Builder Score(string metric, double value, string? evidence = null)
        {
            _metrics[metric] = value;
            if (!string.IsNullOrEmpty(evidence))
            {
                _evidence[metric] = evidence;
            }

            return this;
        }

        /// <summary>Records that a metric could not be scored, and why.</summary>
        public Builder Unscored(string metric, string reason)
        {
            _unscored[metric] = reason;
            return this;
        }

        /// <summary>The verdict.</summary>
        public TurnScore Build() => new(_metrics.ToImmutable(), _unscored.ToImmutable(), _evidence.ToImmutable());
    }
}
