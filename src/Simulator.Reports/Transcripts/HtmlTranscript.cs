using System.Globalization;
using System.Text;
using Simulator.Core.Transcripts;
using static System.Net.WebUtility;

namespace Simulator.Reports.Transcripts;

/// <summary>
/// A run as one self-contained HTML page (no scripts, no network references): each turn's exchange,
/// with its latent state, the monitor's scores (unscored ones with their reasons), evidence and
/// alerts beside it; a course's sessions under their own headings with the state carried over and
/// the therapist's notes.
/// </summary>
public static class HtmlTranscript
{
    internal const string Style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:1rem;color:#1d1d1f}
        h1{font-size:1.4rem}h2{font-size:1.05rem;margin:0 0 .4rem}h3{font-size:1.2rem;margin-top:2rem}
        .turn{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;border-top:1px solid #ddd;padding:.8rem 0}
        .turn.alerted{background:#fff8f0}.msg{margin:.3rem 0;padding:.5rem .7rem;border-radius:.5rem}
        .patient{background:#eef3ff}.therapist{background:#f1f8ee}.who{font-weight:600;margin-right:.3rem}
        .note,.event{font-size:.85rem;color:#555;margin:.3rem 0}.alert{color:#a40000;font-weight:600;font-size:.9rem}
        aside{font-size:.82rem;min-width:0;overflow-wrap:anywhere}table{border-collapse:collapse;width:100%}td{padding:1px 4px;border-bottom:1px solid #eee;vertical-align:top}
        aside table{table-layout:fixed}td.v{text-align:right;white-space:nowrap;width:34%}td.r{text-align:right;white-space:normal}
        .msg{overflow-wrap:anywhere}.unscored{color:#888}.ev{color:#666;font-style:italic}
        dl.meta{display:grid;grid-template-columns:max-content auto;gap:.1rem 1rem}dt{font-weight:600}
        """;

    /// <summary>The page of <paramref name="transcript"/>.</summary>
    public static string Render(string runId, RunTranscript transcript) => Render([(runId, transcript)], null);

    /// <summary>One page for several runs (a study's), each under its own heading, with a list of them first.</summary>
    public static string Render(IReadOnlyList<(string RunId, RunTranscript Transcript)> runs, string? study)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var title = study is null && runs.Count == 1 ? $"Run {runs[0].RunId}" : $"Study {study ?? ""} ({runs.Count} runs)";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{HtmlEncode(title)}</title><style>{Style}</style></head><body>\n");
        if (runs.Count > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h1>{HtmlEncode(title)}</h1>\n<ul>");
            foreach (var (runId, _) in runs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{HtmlEncode(runId)}\">{HtmlEncode(runId)}</a></li>");
            }

            html.Append("</ul>\n");
        }

        foreach (var (runId, transcript) in runs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h1 id=\"{HtmlEncode(runId)}\">Run {HtmlEncode(runId)}</h1>\n");
            Body(html, transcript, runs.Count > 1 ? runId + "-" : "");
        }

        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>The transcript's header and turns, for pages that hold more than the transcript.</summary>
    /// <param name="html">The page.</param>
    /// <param name="transcript">The run.</param>
    /// <param name="anchor">Prefix of the turns' anchors (<c>turn-N</c>), unique per run on a page of several.</param>
    public static void Body(StringBuilder html, RunTranscript transcript, string anchor = "")
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(transcript);
        html.Append("<dl class=\"meta\">");
        if (transcript.Configuration is { } c)
        {
            Meta(html, "persona", c.Variant is null ? c.Persona : $"{c.Persona} (variant {c.Variant})");
            Meta(html, "therapist", $"{c.Therapist}, protocol {c.Protocol}, style {c.Style}");
            Meta(html, "patient", $"{c.Patient}; seed {c.Seed}; monitor {c.Monitor}{(c.Guard ? "; guard" : "")}");
            if (c.Sessions > 1)
            {
                Meta(html, "course", $"{c.Sessions} sessions of {c.Turns} turns");
            }
        }

        Meta(html, "turns", $"{transcript.Turns.Count}{(transcript.Ended is { } e ? $" (ended: {e.Reason})" : "")}");
        if (transcript.InitialState.Count > 0)
        {
            Meta(html, "initial state", MarkdownTranscript.State(transcript.InitialState));
        }

        html.Append("</dl>\n");
        foreach (var t in transcript.Turns)
        {
            if (transcript.BoundaryAt(t.Turn) is { } b)
            {
                html.Append(CultureInfo.InvariantCulture, $"<h3>Session {b.Session}</h3>\n<p class=\"note\">carried over: {HtmlEncode(string.Join(", ", b.After.Where(kv => b.Before.ContainsKey(kv.Key)).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {b.Before[kv.Key]:0.##} → {kv.Value:0.##}"))))}</p>\n");
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">therapist's notes ({HtmlEncode(b.NotesBy)}): {HtmlEncode(b.Notes)}</p>\n");
            }

            Turn(html, t, anchor);
        }
    }

    private static void Turn(StringBuilder html, TurnRecord t, string anchor)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"turn{(t.Alerts.Count > 0 ? " alerted" : "")}\" id=\"{HtmlEncode(anchor)}turn-{t.Turn}\"><div>\n<h2>Turn {t.Turn}</h2>\n");
        foreach (var e in t.FiredEvents)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"event\">event: {HtmlEncode(e)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"msg patient\"><span class=\"who\">Patient</span>{HtmlEncode(t.Patient)}</p>\n");
        if (t.GuardNote is { } note)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">guard note (about turn {note.AboutTurn}): {HtmlEncode(note.Note)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"msg therapist\"><span class=\"who\">Therapist</span>{HtmlEncode(t.Therapist)}</p>\n");
        foreach (var a in t.Alerts)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"alert\">⚠ {HtmlEncode(a.Message)}</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"</div><aside><p>state: {HtmlEncode(MarkdownTranscript.State(t.State))}</p>\n");
        if (t.AppraisedActs.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>appraised: {HtmlEncode(string.Join(", ", t.AppraisedActs))}</p>\n");
        }

        html.Append("<table>");
        foreach (var (metric, value) in t.Metrics)
        {
            var evidence = t.Evidence.TryGetValue(metric, out var span) && span.Length > 0 ? $"<br><span class=\"ev\">“{HtmlEncode(span)}”</span>" : "";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{HtmlEncode(metric)}{evidence}</td><td class=\"v\">{value:0.##}</td></tr>");
        }

        foreach (var (metric, reason) in t.Unscored)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"unscored\"><td>{HtmlEncode(metric)}</td><td class=\"v r\" title=\"{HtmlEncode(reason)}\">unscored: {HtmlEncode(reason)}</td></tr>");
        }

        html.Append("</table></aside></section>\n");
    }

    private static void Meta(StringBuilder html, string name, string value) =>
        html.Append(CultureInfo.InvariantCulture, $"<dt>{HtmlEncode(name)}</dt><dd>{HtmlEncode(value)}</dd>");
}
