using Simulator.Core.Transcripts;

namespace Simulator.Storage.Runs.Catalog;

/// <summary>Computes a run's session aggregates from its transcript (the monitoring layer's, supplied by the host).</summary>
public delegate RunAggregates RunAggregator(RunTranscript transcript);
