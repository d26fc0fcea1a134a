using System.Collections.Immutable;

namespace Simulator.Core.Transcripts;

/// <summary>One completed turn as derived from the log: the exchange, the state after it and its scores.</summary>
public sealed record TurnRecord(
    int Turn,
    string Patient,
    string Therapist,
    IReadOnlyList<string> FiredEvents,
    IReadOnlyList<string> AppraisedActs,
    ImmutableSortedDictionary<string, double> State,
    ImmutableSortedDictionary<string, double> Metrics,
    ImmutableSortedDictionary<string, string> Unscored,
    ImmutableSortedDictionary<string, string> Evidence);
