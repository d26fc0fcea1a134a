using System.Globalization;
using System.Text;
using Simulator.Core.Clinical;
using Simulator.Core.Text;
using Simulator.Core.Transcripts;

namespace Simulator.Reports.Transcripts;

/// <summary>
/// Renders a run as a readable Markdown transcript, each turn with its latent state and scores; a course's sessions under
/// their own headings. Text from the run (the patient's and therapist's words, notes, alerts, reasons) is written through
/// <see cref="SafeText.Markdown"/>: no control character and no raw HTML reaches the file.
/// </summary>
public static class MarkdownTranscript
{
    /// <summary>The Markdown of <paramref name="transcript"/>.</summary>
    public static string Render(string runId, RunTranscript transcript)
    {
        var c = transcript.Configuration;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Run {runId}\n\n");
        if (c is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- persona: `{Code(c.Persona)}`{(c.Variant is null ? "" : $" (variant `{Code(c.Variant)}`)")}\n");
            sb.Append(CultureInfo.InvariantCulture, $"- therapist: `{Code(c.Therapist)}`, protocol `{Code(c.Protocol)}`, style `{Code(c.Style)}`\n");
            sb.Append(CultureInfo.InvariantCulture, $"- patient: `{Code(c.Patient)}`; seed {c.Seed}; monitor `{Code(c.Monitor)}`\n");
            if (c.Sessions > 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- course: {c.Sessions} sessions of {c.Turns} turns (turns numbered across the course)\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"- turns completed: {transcript.Turns.Count}{(transcript.Ended is { } e ? $" (ended: {e.Reason})" : "")}\n");
        if (transcript.InitialState.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- initial state: {State(transcript.InitialState)}\n");
        }

        foreach (var t in transcript.Turns)
        {
            if (transcript.BoundaryAt(t.Turn) is { } b)
            {
                Session(sb, b);
            }

            sb.Append(CultureInfo.InvariantCulture, $"\n## Turn {t.Turn}\n\n");
            if (t.FiredEvents.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"> event: {Text(string.Join(", ", t.FiredEvents))}\n\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"**Patient:** {Text(t.Patient)}\n\n");
            if (t.GuardNote is { } note)
            {
                sb.Append(CultureInfo.InvariantCulture, $"> guard note (about turn {note.AboutTurn}): {Text(note.Note.ReplaceLineEndings(" "))}\n\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"**Therapist:** {Text(t.Therapist)}\n\n");
            if (t.Alerts.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"> ⚠ alerts: {Text(string.Join("; ", t.Alerts.Select(a => a.Message)))}\n\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<sub>state: {State(t.State)}");
            if (t.AppraisedActs.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $" · appraised: {string.Join(", ", t.AppraisedActs)}");
            }

            var scores = t.Metrics.Select(m => $"{m.Key} {m.Value.ToString("0.##", CultureInfo.InvariantCulture)}")
                .Concat(t.Unscored.Select(u => $"{u.Key} unscored ({u.Value})"));
            scores = scores.Select(Text);
            sb.Append(CultureInfo.InvariantCulture, $" · monitor: {string.Join(", ", scores)}</sub>\n");
        }

        return sb.ToString();
    }

    // A course's session heading: the state carried over the gap and the therapist's notes.
    private static void Session(StringBuilder sb, Core.Events.SessionBoundary b)
    {
        sb.Append(CultureInfo.InvariantCulture, $"\n# Session {b.Session}\n\n");
        var moves = b.After.Where(kv => b.Before.ContainsKey(kv.Key))
            .Select(kv => $"{kv.Key} {b.Before[kv.Key].ToString("0.##", CultureInfo.InvariantCulture)} → {kv.Value.ToString("0.##", CultureInfo.InvariantCulture)}");
        sb.Append(CultureInfo.InvariantCulture, $"carried over (end of session {b.Session - 1} → start of session {b.Session}): {string.Join(", ", moves)}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"> therapist's notes ({b.NotesBy}): {Text(b.Notes.ReplaceLineEndings(" "))}\n");
    }

    private static string Text(string text) => SafeText.Markdown(text);

    // Inside a code span HTML is shown as it is, so only control characters (and a backtick, which would end the span) are a danger.
    private static string Code(string text) => SafeText.Clean(text).Replace('`', '\'');

    /// <summary>The state in words: instrument scores with their bands, then conviction, hopelessness, distress and alliance.</summary>
    internal static string State(IReadOnlyDictionary<string, double> state)
    {
        var parts = new List<string>();
        if (state.TryGetValue(StateVariables.Phq9, out var phq))
        {
            var score = (int)Math.Round(phq, MidpointRounding.AwayFromZero);
            parts.Add($"PHQ-9 {score} ({Instruments.Phq9Band(score)})");
        }

        if (state.TryGetValue(StateVariables.Gad7, out var gad))
        {
            var score = (int)Math.Round(gad, MidpointRounding.AwayFromZero);
            parts.Add($"GAD-7 {score} ({Instruments.Gad7Band(score)})");
        }

        if (state.TryGetValue(StateVariables.Cssrs, out var cssrs))
        {
            parts.Add($"C-SSRS {(int)Math.Floor(cssrs + 1e-9)}");
        }

        parts.AddRange(state
            .Where(kv => kv.Key.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal) || kv.Key is StateVariables.Hopelessness or StateVariables.Distress or StateVariables.Alliance)
            .Select(kv => $"{kv.Key} {kv.Value.ToString("0.00", CultureInfo.InvariantCulture)}"));
        return string.Join(", ", parts);
    }
}
