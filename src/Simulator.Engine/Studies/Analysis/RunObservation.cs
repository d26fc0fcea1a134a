using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;

namespace Simulator.Engine.Studies.Analysis;

/// <summary>One run as a study's analysis sees it: its level on each factor, its seed and its outcomes (<see cref="StudyOutcomes"/>).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Levels">Its level on each factor of <see cref="StudyFactors"/> (and <c>study</c> when two studies are compared).</param>
/// <param name="Seed">Its seed: runs that differ only in seed are replicates.</param>
/// <param name="Outcomes">Its outcomes; null where it could not give one.</param>
public sealed record RunObservation(string RunId, IReadOnlyDictionary<string, string> Levels, long Seed, IReadOnlyDictionary<string, double?> Outcomes)
{
    /// <summary>Reads the observation of a run from its transcript (which must carry its configuration).</summary>
    public static RunObservation Of(string runId, RunTranscript transcript, SessionAggregates? aggregates = null)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var configuration = transcript.Configuration ?? throw new ArgumentException("The transcript carries no configuration.", nameof(transcript));
        return new RunObservation(
            runId,
            StudyFactors.Levels(configuration),
            configuration.Seed,
            StudyOutcomes.Of(transcript, aggregates ?? SessionAggregates.Of(transcript), RunOutcome.Of(configuration, transcript)));
    }

    /// <summary>The same run with one more factor level (the study it belongs to, when two studies are compared).</summary>
    public RunObservation With(string factor, string level) =>
        this with { Levels = new Dictionary<string, string>(Levels, StringComparer.Ordinal) { [factor] = level } };
}
