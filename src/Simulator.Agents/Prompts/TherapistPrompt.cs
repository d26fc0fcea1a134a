using Simulator.Core.Protocols;

namespace Simulator.Agents.Prompts;

/// <summary>The therapist's system prompt: the protocol's template rendered with the style.</summary>
public static class TherapistPrompt
{
    /// <summary>Renders the prompt.</summary>
    public static string Render(Protocol protocol, string style) =>
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

    /// <summary>What a style asks of the therapist.</summary>
    public static string StyleText(string style) => style switch
    {
        "warm" => "Be warm and affectionate: express care openly, use emotional language, and let the client feel you are on their side.",
        _ => "Be professional and even: respectful, plain-spoken, and measured in emotional language.",
    };
}
