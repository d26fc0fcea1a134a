using Microsoft.Extensions.AI;
using Simulator.Agents.Prompts;

namespace Simulator.Agents.Sessions;

/// <summary>The therapist under test: the protocol's prompt in the style, through any model.</summary>
public sealed class TherapistAgent(IChatClient model)
{
    /// <summary>The therapist's reply and, for a scripted reference therapist, its ground-truth acts.</summary>
    public async Task<(string Text, IReadOnlyList<string> GroundTruthActs)> ReplyAsync(
        IReadOnlyList<Exchange> history, string patientMessage, SessionContext context, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(2 + (2 * history.Count))
        {
            new(ChatRole.System, TherapistPrompt.Render(context.Protocol, context.Style)),
        };
        foreach (var x in history)
        {
            messages.Add(new ChatMessage(ChatRole.User, x.Patient));
            messages.Add(new ChatMessage(ChatRole.Assistant, x.Therapist));
        }

        messages.Add(new ChatMessage(ChatRole.User, patientMessage));
        var response = await model.GetResponseAsync(messages, AgentOptions.For(context, "therapist"), cancellationToken).ConfigureAwait(false);
        var labels = response.AdditionalProperties?.TryGetValue(SessionContext.GroundTruthKey, out var value) == true && value is IReadOnlyList<string> l
            ? l
            : [];
        return (AgentOptions.RequireText(response, "therapist"), labels);
    }
}
