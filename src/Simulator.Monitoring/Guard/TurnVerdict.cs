using System.Collections.Immutable;
using Simulator.Core.Events;

namespace Simulator.Monitoring.Guard;

/// <summary>The monitor's merged verdict on one turn, with the alerts it raised: what guard mode acts on.</summary>
public sealed record TurnVerdict(
    int Turn,
    ImmutableSortedDictionary<string, double> Metrics,
    ImmutableSortedDictionary<string, string> Evidence,
    IReadOnlyList<AlertRaised> Alerts);
