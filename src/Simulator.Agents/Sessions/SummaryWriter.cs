using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Simulator.Core.Transcripts;

namespace Simulator.Agents.Sessions;

/// <summary>
/// Asks an agent's model to fold the turns leaving its window into its rolling summary. The request
/// carries the role's seed for the turn, as every other call of the session does.
/// </summary>
internal static class SummaryWriter
{
    /// <summary>The summary of <paramref name="leaving"/> after <paramref name="previous"/>; <paramref name="options"/> are the role's (its seed), if any.</summary>
    public static async Task<string> WriteAsync(
        IChatClient model, string perspective, string? previous, IReadOnlyList<Exchange> leaving, int firstTurn, int maxTokens, ChatOptions? options, CancellationToken cancellationToken)
    {
        var words = Math.Max(40, maxTokens * 3 / 4);
        var text = new StringBuilder();
        if (previous is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Notes so far (turns 1 to {firstTurn - 1}):\n{previous}\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"The conversation from turn {firstTurn}:\n");
        for (var i = 0; i < leaving.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[turn {firstTurn + i}] Client: {leaving[i].Patient}\n[turn {firstTurn + i}] Therapist: {leaving[i].Therapist}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nWrite the notes again so that they cover everything up to turn {firstTurn + leaving.Count - 1}, in at most {words} words of plain prose.");
        ChatMessage[] request =
        [
            new(ChatRole.System, $"You keep the running notes of a therapy session {perspective}. Keep what matters later: facts disclosed, feelings, beliefs and how strongly they are held, any risk, what was tried and agreed, and how the relationship feels. No lists, no headings."),
            new(ChatRole.User, text.ToString()),
        ];
        var asked = options?.Clone() ?? new ChatOptions();
        asked.MaxOutputTokens = maxTokens * 2;
        var response = await model.GetResponseAsync(request, asked, cancellationToken).ConfigureAwait(false);
        return response.Text.Trim();
    }
}
