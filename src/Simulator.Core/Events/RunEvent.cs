using MessagePack;

namespace Simulator.Core.Events;

/// <summary>
/// One fact in a run's append-only log. The log is the source of truth: transcript, metrics and
/// reports are derived from it. Keys 0 and 1 are shared; each event numbers its own from 2.
/// </summary>
[Union(0, typeof(RunStarted))]
[Union(1, typeof(PatientSpoke))]
[Union(2, typeof(TherapistReplied))]
[Union(3, typeof(PatientAppraised))]
[Union(4, typeof(StateStepped))]
[Union(5, typeof(EventFired))]
[Union(6, typeof(ModelCalled))]
[Union(7, typeof(MonitorScored))]
[Union(8, typeof(RunEnded))]
[Union(9, typeof(ContextCompacted))]
[Union(10, typeof(AlertRaised))]
[Union(11, typeof(GuardNoteSent))]
[Union(12, typeof(ProbeAnswered))]
[Union(13, typeof(BranchStarted))]
[Union(14, typeof(SessionBoundary))]
[Union(15, typeof(SecretRedacted))]
[Union(16, typeof(PatientCorrected))]
public abstract record RunEvent(
    [property: Key(0)] int Turn,
    [property: Key(1)] DateTimeOffset At)
{
    /// <summary>
    /// Who appends the event: the session loop (0), the monitor (1), the run's start and end (2), or
    /// a rescoring after the fact (<see cref="RescoreLane"/>). Events of one lane are in order in the
    /// log; lanes interleave, so the content hash orders by turn and lane.
    /// </summary>
    [IgnoreMember]
    public virtual int Lane => 0;

    /// <summary>The lane of scores added by <c>replay --rescore</c>: not part of the run's content.</summary>
    public const int RescoreLane = 3;

    /// <summary>The event without what differs between identical runs (timestamps, latencies).</summary>
    public virtual RunEvent Canonical() => this with { At = default };
}
