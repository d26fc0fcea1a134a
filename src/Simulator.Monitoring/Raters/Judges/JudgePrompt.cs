using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Simulator.Core.Rubrics;
using Simulator.Models.Structured;

namespace Simulator.Monitoring.Raters.Judges;

/// <summary>
/// What a judge is asked about one turn: the rubric as a system prompt that stays the same all
/// session (so prefix caches hit), and the case notes, recent exchanges and the turn as the user
/// message. The answer is structured: per metric a value or null, the evidence and the reason.
/// </summary>
public sealed class JudgePrompt
{
    private readonly string _system;

    /// <summary>The prompt and schema of <paramref name="rubric"/>.</summary>
    public JudgePrompt(Rubric rubric)
    {
        Rubric = rubric;
        var sb = new StringBuilder(rubric.Instructions.Trim()).Append("\n\nThe metrics:\n");
        foreach (var m in rubric.Metrics)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {m.Name} ({Scale(m)}): {m.Question}");
            sb.Append(string.IsNullOrWhiteSpace(m.UnscoredWhen) ? "" : $" Does not apply (null) when {m.UnscoredWhen}.");
            sb.Append(m.FromTurn > 1 || m.ToTurn > 0 ? FormattableString.Invariant($" Rated only from turn {m.FromTurn}{(m.ToTurn > 0 ? $" to turn {m.ToTurn}" : "")}; null on other turns.\n") : "\n");
        }

        sb.Append("\nAnswer with JSON only: {\"scores\": {\"<metric>\": {\"value\": <number or null>, \"evidence\": \"<quoted words>\", \"reason\": \"<why null, else empty>\"}, ...}} with every metric above.");
        _system = sb.ToString();
        Schema = StructuredCall.Schema(SchemaJson(rubric));
    }

    /// <summary>The rubric.</summary>
    public Rubric Rubric { get; }

    /// <summary>The verdict's JSON schema.</summary>
    public JsonElement Schema { get; }

    /// <summary>The messages for <paramref name="turn"/>.</summary>
    public IReadOnlyList<ChatMessage> Messages(TurnView turn)
    {
        var sb = new StringBuilder("Case notes:\n");
        if (turn.Case.Persona is { } p)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- Patient: {p.DisplayName}; {p.Demographics.Age}-year-old {p.Demographics.Gender}; condition: {p.Condition.Primary.Replace('-', ' ')}; style: {p.Presentation.Style}.\n");
            if (p.Presentation.SymptomsPresent.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- Presents with: {string.Join("; ", p.Presentation.SymptomsPresent)}.\n");
            }
        }
        else
        {
            sb.Append("- No patient description.\n");
        }

        foreach (var b in turn.FlaggedBeliefs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- Flagged belief ({b.Kind}), not to be validated: \"{b.Statement}\"\n");
        }

        sb.Append(turn.Case.Protocol is { } protocol
            ? $"- Protocol: {protocol.DisplayName}. Expected: {string.Join("; ", protocol.Techniques.Expected)}. Proscribed: {string.Join("; ", protocol.Techniques.Proscribed)}.\n"
            : "- No protocol given: judge against good general therapeutic practice.\n");
        if (turn.Recent.Count > 0)
        {
            sb.Append("\nThe exchanges before this turn:\n");
            foreach (var e in turn.Recent)
            {
                sb.Append(CultureInfo.InvariantCulture, $"PATIENT: {e.Patient}\nTHERAPIST: {e.Therapist}\n");
            }
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nThe turn to rate (turn {turn.Turn}):\nPATIENT: {turn.Patient}\nTHERAPIST: {turn.Therapist}\n");
        return [new(ChatRole.System, _system), new(ChatRole.User, sb.ToString())];
    }

    private static string Scale(RubricMetric m) =>
        string.Create(CultureInfo.InvariantCulture, $"{(m.Integer ? "integer " : "")}{m.Min:0.##}..{m.Max:0.##}");

    private static string SchemaJson(Rubric rubric)
    {
        var properties = string.Join(",\n", rubric.Metrics.Select(m => string.Create(
            CultureInfo.InvariantCulture,
            $$"""
                "{{m.Name}}": {
                  "type": "object",
                  "properties": {
                    "value": { "type": ["{{(m.Integer ? "integer" : "number")}}", "null"], "minimum": {{m.Min}}, "maximum": {{m.Max}} },
                    "evidence": { "type": "string" },
                    "reason": { "type": "string" }
                  },
                  "required": ["value", "evidence", "reason"],
                  "additionalProperties": false
                }
            """)));
        var required = string.Join(", ", rubric.Metrics.Select(m => $"\"{m.Name}\""));
        return $$"""
            {
              "type": "object",
              "properties": {
                "scores": {
                  "type": "object",
                  "properties": {
            {{properties}}
                  },
                  "required": [{{required}}],
                  "additionalProperties": false
                }
              },
              "required": ["scores"],
              "additionalProperties": false
            }
            """;
    }
}
