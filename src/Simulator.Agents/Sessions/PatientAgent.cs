using Microsoft.Extensions.AI;
using Simulator.Agents.Probes;
using Simulator.Agents.Prompts;
using Simulator.Core.Transcripts;

namespace Simulator.Agents.Sessions;

/// <summary>The simulated patient: speaks each turn through its model, whichever model that is.</summary>
/// <param name="model">the patient's model.</param>
/// <param name="budget">the prompt budget, if any.</param>
/// <param name="probeModel">the client probes go through (so their calls are recorded as such); <paramref name="model"/> when null.</param>
public sealed class PatientAgent(IChatClient model, ContextBudget? budget = null, IChatClient? probeModel = null)
{
    // The opener always leads, so the history only ever grows at the end (prefix caches and the
    // scripted models' incremental reading both rely on that).
    private readonly Conversation _conversation = new(
        x => [new ChatMessage(ChatRole.Assistant, x.Patient), new ChatMessage(ChatRole.User, x.Therapist)],
        "for the client, whom you are playing (write them in the second person: 'you said…')",
        budget,
        new ChatMessage(ChatRole.User, SessionOpener)) { SummaryRole = "patient.summary" };

    /// <summary>What the patient hears before the first turn (not part of the transcript).</summary>
    public const string SessionOpener = "Hello, I'm glad you came in today. What would you like to talk about?";

    /// <summary>The patient's message for the turn in <paramref name="context"/>.</summary>
    public async Task<string> SpeakAsync(IReadOnlyList<Exchange> history, SessionContext context, CancellationToken cancellationToken)
    {
        var direction = new ChatMessage(ChatRole.System, PatientPrompt.Direction(context.Persona, context.State, context.DueEvents, context.Turn, context.Earlier, context.PatientCorrection));
        var messages = await _conversation.ForAsync(PatientPrompt.Card(context.Persona, context.PatientRecap), history, context, cancellationToken, direction).ConfigureAwait(false);
        var response = await model.GetResponseAsync(messages, AgentOptions.For(context, "patient"), cancellationToken).ConfigureAwait(false);
        return AgentOptions.RequireText(response, "patient");
    }

    /// <summary>
    /// The patient's answer to <paramref name="probe"/>, asked on a copy of its conversation after
    /// <paramref name="history"/> (which includes the turn just completed): nothing is kept, nothing compacted.
    /// </summary>
    public async Task<string> AnswerProbeAsync(IReadOnlyList<Exchange> history, Probe probe, SessionContext context, CancellationToken cancellationToken)
    {
        var messages = _conversation.Peek(PatientPrompt.Card(context.Persona, context.PatientRecap), history, new ChatMessage(ChatRole.User, probe.Question));
        var response = await (probeModel ?? model).GetResponseAsync(messages, AgentOptions.For(context with { GuardNote = null, Probe = probe }, "patient.probe"), cancellationToken).ConfigureAwait(false);
        return response.Text.Trim();
    }
}
