using System.Collections.Immutable;
using Simulator.Core.Events;

namespace Simulator.Core.Transcripts;

/// <summary>One completed turn as derived from the log: the exchange, the state after it, its merged scores and each rater's layer, the monitor's alerts on it and the guard note its reply was given.</summary>
public sealed record TurnRecord(
    int Turn,
    string Patient,
    string Therapist,
    IReadOnlyList<string> FiredEvents,
    IReadOnlyList<string> AppraisedActs,
    ImmutableSortedDictionary<string, double> State,
    ImmutableSortedDictionary<string, double> Metrics,
    ImmutableSortedDictionary<string, string> Unscored,
    ImmutableSortedDictionary<string, string> Evidence,
    IReadOnlyList<MonitorScored> Layers,
    IReadOnlyList<AlertRaised> Alerts,
    GuardNoteSent? GuardNote)
{
    /// <summary>The probes asked after the turn (side questions, never part of the conversation), in the order they were answered.</summary>
    public IReadOnlyList<ProbeAnswered> Probes { get; init; } = [];

    /// <summary>The patient's answers to the screeners after this turn (<c>run --self-report-every</c>): probes named <c>self-report.*</c>.</summary>
    public IReadOnlyList<ProbeAnswered> SelfReports { get; init; } = [];

    /// <summary>Patient guard: the correction the patient's direction carried this turn, if any.</summary>
    public PatientCorrected? PatientCorrection { get; init; }
}
