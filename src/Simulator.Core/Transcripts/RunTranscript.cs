using System.Collections.Immutable;
using Simulator.Core.Events;
using Simulator.Core.Runs;

namespace Simulator.Core.Transcripts;

/// <summary>
/// A run's turns rebuilt from its events (a branch's include its parent's up to the fork, and its
/// configuration is the branch's; a course's session boundaries are in <see cref="Boundaries"/>). A turn counts as completed once its state step is in the log; the score layers of its raters merge as <see cref="ScoreLayers.Merge"/> says, and stay available per rater.
/// </summary>
public sealed record RunTranscript(
    RunConfiguration? Configuration,
    ImmutableSortedDictionary<string, double> InitialState,
    IReadOnlyList<TurnRecord> Turns,
    RunEnded? Ended)
{
    /// <summary>Builds the transcript of <paramref name="events"/>.</summary>
    public static RunTranscript From(IEnumerable<RunEvent> events)
    {
        RunConfiguration? configuration = null;
        RunEnded? ended = null;
        var initial = ImmutableSortedDictionary<string, double>.Empty;
        var patient = new Dictionary<int, string>();
        var therapist = new Dictionary<int, string>();
        var fired = new Dictionary<int, List<string>>();
        var acts = new Dictionary<int, IReadOnlyList<string>>();
        var states = new SortedDictionary<int, ImmutableSortedDictionary<string, double>>();
        var scores = new Dictionary<int, List<MonitorScored>>();
        var alerts = new Dictionary<int, List<AlertRaised>>();
        var notes = new Dictionary<int, GuardNoteSent>();
        var probes = new Dictionary<int, List<ProbeAnswered>>();
        var corrections = new Dictionary<int, PatientCorrected>();
        var selfReports = new Dictionary<int, List<ProbeAnswered>>();
        var boundaries = new SortedDictionary<int, SessionBoundary>();
        foreach (var e in events)
        {
            switch (e)
            {
                case RunStarted s: configuration = s.Configuration; break;
                case BranchStarted b: configuration = b.Configuration; break;
                case PatientSpoke p: patient[p.Turn] = p.Text; break;
                case TherapistReplied t: therapist[t.Turn] = t.Text; break;
                case EventFired f: Bucket(fired, f.Turn).Add(f.EventId); break;
                case PatientAppraised a: acts[a.Turn] = a.Acts; break;
                case StateStepped s when s.Turn == 0: initial = s.State; break;
                case StateStepped s: states[s.Turn] = s.State; break;
                case MonitorScored m: Bucket(scores, m.Turn).Add(m); break;
                case AlertRaised a: Bucket(alerts, a.Turn).Add(a); break;
                case GuardNoteSent g: notes[g.Turn] = g; break;
                case ProbeAnswered p when p.Probe.StartsWith(SelfReportPrefix, StringComparison.Ordinal):
                    Bucket(probes, p.Turn).Add(p);
                    Bucket(selfReports, p.Turn).Add(p);
                    break;
                case ProbeAnswered p: Bucket(probes, p.Turn).Add(p); break;
                case PatientCorrected c: corrections[c.Turn] = c; break;
                case SessionBoundary b: boundaries[b.Turn] = b; break;
                case RunEnded r: ended = r; break;
            }
        }

        var turns = new List<TurnRecord>();
        foreach (var (turn, state) in states)
        {
            var layers = scores.GetValueOrDefault(turn) ?? [];
            var merged = ScoreLayers.Merge(layers);
            turns.Add(new TurnRecord(
                turn,
                patient.GetValueOrDefault(turn, ""),
                therapist.GetValueOrDefault(turn, ""),
                fired.GetValueOrDefault(turn) ?? [],
                acts.GetValueOrDefault(turn) ?? [],
                state,
                merged.Metrics,
                merged.Unscored,
                merged.Evidence,
                layers,
                alerts.GetValueOrDefault(turn) ?? [],
                notes.GetValueOrDefault(turn))
            {
                Probes = probes.GetValueOrDefault(turn) ?? [],
                SelfReports = selfReports.GetValueOrDefault(turn) ?? [],
                PatientCorrection = corrections.GetValueOrDefault(turn),
            });
        }

        // A boundary counts with the turn it opens: one whose turn never completed is not part of the run.
        return new RunTranscript(configuration, initial, turns, ended)
        {
            Boundaries = [.. boundaries.Values.Where(b => states.ContainsKey(b.Turn))],
        };
    }

    /// <summary>How the names of self-report probes start (<c>self-report.phq9</c>, ...).</summary>
    public const string SelfReportPrefix = "self-report.";

    /// <summary>A course's session boundaries (none for a single session), in turn order.</summary>
    public IReadOnlyList<SessionBoundary> Boundaries { get; init; } = [];

    /// <summary>The session (1-based) <paramref name="turn"/> belongs to.</summary>
    public int SessionOf(int turn) => Configuration?.SessionOf(turn) ?? 1;

    /// <summary>The boundary that opens a session at <paramref name="turn"/>, if one does.</summary>
    public SessionBoundary? BoundaryAt(int turn) => Boundaries.FirstOrDefault(b => b.Turn == turn);

    private static List<T> Bucket<T>(Dictionary<int, List<T>> map, int turn)
    {
        if (!map.TryGetValue(turn, out var list))
        {
            map[turn] = list = [];
        }

        return list;
    }
}
