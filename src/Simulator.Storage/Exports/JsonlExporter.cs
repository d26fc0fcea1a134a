using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.Core.Clinical;
using Simulator.Core.Transcripts;

namespace Simulator.Storage.Exports;

/// <summary>
/// <c>export --format jsonl</c>: one line per completed turn,
/// <c>{"run","turn","patient","therapist","state":{...},"instruments":{...},"metrics":{...},"unscored":{...},"evidence":{...},"alerts":[...],"guardNote","probes":[...]}</c>,
/// <c>probes</c> the side questions asked after the turn (<c>role</c>, <c>probe</c>, <c>question</c>, <c>answer</c>, <c>score</c> or null, <c>unscored</c>: why not).
/// A course's lines also carry <c>"session"</c> (1-based) after <c>"turn"</c>, and the first turn of each
/// session after the first <c>"sessionStart": {"session","before","after","notes","notesBy"}</c>: the state
/// the patient ended the last session in, the state it starts this one in (after the gap), and the
/// therapist's notes. A single session's lines are as they were. A turn after which the patient filled in
/// the screeners (<c>run --self-report-every</c>) also carries <c>"selfReport": {"phq9": {"score", "unscored", "answer"}, ...}</c>,
/// and one whose patient direction carried a correction (<c>--patient-guard</c>) <c>"patientCorrection"</c>.
/// </summary>
public static class JsonlExporter
{
    /// <summary>Writes the turns of one run.</summary>
    public static async Task WriteAsync(string runId, RunTranscript transcript, TextWriter output, CancellationToken cancellationToken)
    {
        var course = transcript.Configuration is { Sessions: > 1 };
        foreach (var t in transcript.Turns)
        {
            var line = course ? CourseLine(runId, transcript, t) : Line(runId, t);
            if (t.SelfReports.Count > 0 || t.PatientCorrection is not null)
            {
                line = WithPatientSide(line, t);
            }

            await output.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    // A course's line: the turn's line with its session first, and on the first turn of a session
    // after the first, the boundary before it (the state carried over, before and after the gap, and the therapist's notes).
    private static string CourseLine(string runId, RunTranscript transcript, TurnRecord t)
    {
        var line = JsonNode.Parse(Line(runId, t))!.AsObject();
        line.Insert(line.IndexOf("turn") + 1, "session", transcript.SessionOf(t.Turn));

        if (transcript.BoundaryAt(t.Turn) is { } b)
        {
            line["sessionStart"] = JsonSerializer.SerializeToNode(new
            {
                session = b.Session,
                before = Rounded(b.Before),
                after = Rounded(b.After),
                notes = b.Notes,
                notesBy = b.NotesBy,
            });
        }

        return line.ToJsonString();
    }

    // The patient's own side of a turn, where it has one: its screener answers and the correction it was given.
    private static string WithPatientSide(string text, TurnRecord t)
    {
        var line = JsonNode.Parse(text)!.AsObject();
        if (t.SelfReports.Count > 0)
        {
            line["selfReport"] = JsonSerializer.SerializeToNode(t.SelfReports.ToDictionary(
                p => p.Probe[RunTranscript.SelfReportPrefix.Length..],
                p => new { score = p.Score, unscored = p.Unscored, answer = p.Answer }));
        }

        if (t.PatientCorrection is { } c)
        {
            line["patientCorrection"] = JsonSerializer.SerializeToNode(new { aboutTurn = c.AboutTurn, metrics = c.Metrics, correction = c.Correction });
        }

        return line.ToJsonString();
    }

    private static Dictionary<string, double> Rounded(IReadOnlyDictionary<string, double> state) => state.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 4));

    private static string Line(string runId, TurnRecord t) =>
        JsonSerializer.Serialize(new
        {
            run = runId,
            turn = t.Turn,
            patient = t.Patient,
            therapist = t.Therapist,
            events = t.FiredEvents,
            acts = t.AppraisedActs,
            state = Rounded(t.State),
            instruments = InstrumentReadout.Of(new ClinicalState(t.State)).Scores(),
            metrics = t.Metrics,
            unscored = t.Unscored,
            evidence = t.Evidence,
            alerts = t.Alerts.Select(a => new { metric = a.Metric, kind = a.Kind, value = a.Value, message = a.Message }),
            guardNote = t.GuardNote?.Note,
            probes = t.Probes.Select(p => new { role = p.Role, probe = p.Probe, question = p.Question, answer = p.Answer, score = p.Score, unscored = p.Unscored }),
        });
}
