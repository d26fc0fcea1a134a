using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Simulator.Core.Protocols;

namespace Simulator.Agents.Prompts;

/// <summary>The therapist's system prompt: the protocol's template rendered with the style.</summary>
public static class TherapistPrompt
{
    // A protocol is an immutable record: its prompt in each style is rendered once, not every turn of every session.
    private static readonly ConditionalWeakTable<Protocol, ConcurrentDictionary<string, string>> Rendered = new();

    /// <summary>Renders the prompt.</summary>
    public static string Render(Protocol protocol, string style) =>
        Rendered.GetValue(protocol, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal)).GetOrAdd(style, s => RenderNew(protocol, s));

    private static string RenderNew(Protocol protocol, string style) =>
        ProtocolRules.Placeholder().Replace(protocol.SystemPrompt, m => m.Groups[1].Value switch
        {
            "display_name" => protocol.DisplayName,
            "description" => protocol.Description.Trim(),
            "phases" => string.Join("\n", protocol.Phases.Select(p => $"- {p.Id}{(p.UntilTurn is { } u ? $" (until turn {u})" : "")}: {string.Join("; ", p.Goals)}")),
            "expected" => string.Join("; ", protocol.Techniques.Expected),
            "proscribed" => string.Join("; ", protocol.Techniques.Proscribed),
            "style" => StyleText(style),
            _ => m.Value,
        });

    /// <summary>
    /// The prompt for session <paramref name="session"/> of a course: <paramref name="prompt"/> with
    /// the therapist's own notes on the session before after it, or the prompt as it is without notes.
    /// </summary>
    public static string ForSession(string prompt, int session, string? notes) => notes is null
        ? prompt
        : $"{prompt}\n\nThis is session {session} of a course of sessions with this client; you start a new conversation. Your own notes from the previous session:\n{notes}";

    /// <summary>What the therapist is asked when a session of a course ends, after the session's conversation.</summary>
    public static string NotesRequest(int session) =>
        $"Session {session} has ended. Write your session notes for next time, as a therapist does: the beliefs and themes discussed, any risk you saw or heard, how the client seemed at the end and what to follow up next session. Plain prose, at most 150 words; only what you heard in the session.";

    /// <summary>What a style asks of the therapist.</summary>
    public static string StyleText(string style) => style switch
    {
        "warm" => "Be warm and affectionate: express care openly, use emotional language, and let the client feel you are on their side.",
        _ => "Be professional and even: respectful, plain-spoken, and measured in emotional language.",
    };
}
