using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Models.Structured;

namespace Simulator.Agents.Appraisal;

/// <summary>
/// The appraisal call of an LLM patient (rubric <c>appraisal-v1</c>): the patient, in character,
/// reads the therapist's reply to what they just said and names the acts it performed, from the
/// fixed vocabulary, as structured output.
/// </summary>
public static class AppraisalPrompt
{
    /// <summary>The rubric version recorded with model appraisals.</summary>
    public const string Version = "appraisal-v1";

    /// <summary>The reply's schema: <c>{"acts": [act, ...], "evidence": "..."}</c>.</summary>
    public static JsonElement Schema { get; } = StructuredCall.Schema($$"""
        {
          "type": "object",
          "properties": {
            "acts": { "type": "array", "items": { "type": "string", "enum": [{{string.Join(", ", TherapistActs.All.Select(a => $"\"{a}\""))}}] } },
            "evidence": { "type": "string" }
          },
          "required": ["acts", "evidence"],
          "additionalProperties": false
        }
        """);

    /// <summary>The messages of one appraisal.</summary>
    public static IReadOnlyList<ChatMessage> Messages(Persona persona, string patientMessage, string reply)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"You are {persona.DisplayName}, a patient in a therapy session ({persona.Condition.Primary.Replace('-', ' ')}).\n");
        var beliefs = persona.FlaggedBeliefs().Select(b => b.Statement).ToList();
        if (beliefs.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Beliefs of yours a clinician would not endorse: {string.Join("; ", beliefs)}.\n");
        }

        sb.Append("Read the therapist's reply to what you just said, and name every act it performed, as you perceive it. The acts:\n");
        foreach (var act in TherapistActs.All)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {act}: {TherapistActs.Meanings[act]}\n");
        }

        sb.Append("Answer with JSON only: {\"acts\": [the acts, possibly none], \"evidence\": \"the words of the reply that decided it\"}.");
        return
        [
            new(ChatRole.System, sb.ToString()),
            new(ChatRole.User, $"What you said:\n{patientMessage}\n\nThe therapist's reply:\n{reply}"),
        ];
    }

    /// <summary>The acts of a verdict, known ones only, each once, in the vocabulary's order.</summary>
    public static IReadOnlyList<string> Acts(JsonElement verdict)
    {
        var named = verdict.GetProperty("acts").EnumerateArray().Select(a => a.GetString()).ToHashSet(StringComparer.Ordinal);
        return [.. TherapistActs.All.Where(named.Contains)];
    }
}
