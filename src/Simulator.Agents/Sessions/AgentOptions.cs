using Microsoft.Extensions.AI;
using Simulator.Core.Randomness;

namespace Simulator.Agents.Sessions;

/// <summary>The request options every agent sends: a per-role, per-turn seed and the session context.</summary>
internal static class AgentOptions
{
    public static ChatOptions For(SessionContext context, string role) => new()
    {
        Seed = (long)(SeededRandom.For(context.Seed, "seed:" + role, context.Turn).NextUInt64() >> 1),
        AdditionalProperties = new AdditionalPropertiesDictionary { [SessionContext.Key] = context },
    };

    public static string RequireText(ChatResponse response, string role)
    {
        var text = response.Text.Trim();
        return text.Length > 0 ? text : throw new InvalidOperationException($"The {role} model returned an empty reply.");
    }
}
