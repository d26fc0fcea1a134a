using Microsoft.Extensions.AI;
using Simulator.Agents.Probes;
using Simulator.Agents.Prompts;
using Simulator.Core.Transcripts;

namespace Simulator.Agents.Sessions;

/// <summary>The therapist under test: the protocol's prompt in the style, through any model.</summary>
/// <param name="model">the therapist's model.</param>
/// <param name="budget">the prompt budget, if any.</param>
/// <param name="probeModel">the client probes go through (so their calls are recorded as such); <paramref name="model"/> when null.</param>
/// <param name="notesModel">the client session notes are written through (role <c>therapist.notes</c>); <paramref name="model"/> when null.</param>
public sealed class TherapistAgent(IChatClient model, ContextBudget? budget = null, IChatClient? probeModel = null, IChatClient? notesModel = null)
{
    private readonly Conversation _conversation = new(
        x => [new ChatMessage(ChatRole.User, x.Patient), new ChatMessage(ChatRole.Assistant, x.Therapist)],
        "for the therapist (write them as the therapist's own notes about the client)",
        budget) { SummaryRole = "therapist.summary" };

    /// <summary>
    /// The therapist's reply and, for a scripted reference therapist, its ground-truth acts. A guard
    /// note in <paramref name="context"/> follows the patient's message as a system message, for this reply only.
    /// </summary>
    public async Task<(string Text, IReadOnlyList<string> GroundTruthActs)> ReplyAsync(
        IReadOnlyList<Exchange> history, string patientMessage, SessionContext context, CancellationToken cancellationToken)
    {
        ChatMessage[] trailing = context.GuardNote is { } note
            ? [new(ChatRole.User, patientMessage), new(ChatRole.System, note)]
            : [new(ChatRole.User, patientMessage)];
        var messages = await _conversation.ForAsync(System(context), history, context, cancellationToken, trailing).ConfigureAwait(false);
        var response = await model.GetResponseAsync(messages, AgentOptions.For(context, "therapist"), cancellationToken).ConfigureAwait(false);
        var labels = response.AdditionalProperties?.TryGetValue(SessionContext.GroundTruthKey, out var value) == true && value is IReadOnlyList<string> l
            ? l
            : [];
        return (AgentOptions.RequireText(response, "therapist"), labels);
    }

    /// <summary>
    /// The therapist's notes on the session of <paramref name="history"/>, just ended, written on a
    /// copy of its conversation (nothing kept, nothing compacted). <paramref name="context"/> is that
    /// session's (its number and the notes it had), at the turn that opens the next. A scripted
    /// therapist writes them from what it heard.
    /// </summary>
    public async Task<string> WriteNotesAsync(IReadOnlyList<Exchange> history, SessionContext context, CancellationToken cancellationToken)
    {
        var ended = context with { GuardNote = null, Probe = null, WritingNotes = true };
        var messages = _conversation.Peek(System(ended), history, new ChatMessage(ChatRole.User, TherapistPrompt.NotesRequest(ended.Session)));
        var response = await (notesModel ?? model).GetResponseAsync(messages, AgentOptions.For(ended, "therapist.notes"), cancellationToken).ConfigureAwait(false);
        return AgentOptions.RequireText(response, "therapist notes");
    }

    private static string System(SessionContext context) =>
        TherapistPrompt.ForSession(TherapistPrompt.Render(context.Protocol, context.Style), context.Session, context.SessionNotes);

    /// <summary>
    /// The therapist's answer to <paramref name="probe"/>, asked on a copy of its conversation after
    /// <paramref name="history"/> (which includes the turn just completed): nothing is kept, nothing compacted.
    /// </summary>
    public async Task<string> AnswerProbeAsync(IReadOnlyList<Exchange> history, Probe probe, SessionContext context, CancellationToken cancellationToken)
    {
        var messages = _conversation.Peek(System(context), history, new ChatMessage(ChatRole.User, probe.Question));
        var response = await (probeModel ?? model).GetResponseAsync(messages, AgentOptions.For(context with { GuardNote = null, Probe = probe }, "therapist.probe"), cancellationToken).ConfigureAwait(false);
        return response.Text.Trim();
    }
}
