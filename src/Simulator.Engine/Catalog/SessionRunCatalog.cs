using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;

namespace Simulator.Engine.Catalog;

/// <summary>The run catalog with the monitor's session aggregates (<see cref="SessionAggregates"/>) of every run.</summary>
public static class SessionRunCatalog
{
    /// <summary>The catalog of <paramref name="store"/>'s runs.</summary>
    public static RunCatalog Create(RunStore store) => new(store, Aggregate);

    /// <summary>A run's aggregates under <see cref="SessionAggregates.Flat"/>'s keys.</summary>
    public static RunAggregates Aggregate(RunTranscript transcript)
    {
        var aggregates = SessionAggregates.Of(transcript);
        return new RunAggregates([.. aggregates.Metrics.Keys], aggregates.Flat);
    }
}
