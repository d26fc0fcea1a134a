using System.Text;
using Simulator.Core.Personas;

namespace Simulator.Monitoring.Guard;

/// <summary>
/// Patient guard's correction (<c>run --patient-guard</c>): when the monitor's verdict on a turn shows
/// the simulated patient breaking role, its next direction says so, as guard mode's note does for
/// the therapist. Role is broken when the patient talks like an assistant
/// (<c>patient.assistant_mode</c>), out of character (<c>patient.persona_consistency</c>) or in a
/// state it was not given (<c>patient.state_fidelity</c>), each past its descriptor's threshold.
/// </summary>
public static class PatientCorrection
{
    private static readonly (string Metric, string Advice)[] Checks =
    [
        (Metrics.PatientAssistantMode, "You answered like an AI assistant. You are the patient: speak only for yourself, about your own life, in one to four spoken sentences; never offer help, advice, summaries or lists."),
        (Metrics.PersonaConsistency, "You drifted out of character. Speak as {name} would, about {name}'s own situation, symptoms and beliefs as the card describes them."),
        (Metrics.PatientStateFidelity, "Your last message did not express how you are. Speak from the state in this direction: as low, as sure of your beliefs and as close to or far from suicidal thoughts as it says, no better and no worse."),
    ];

    /// <summary>The correction for <paramref name="verdict"/>, and the metrics it is about; null when the patient stayed in role.</summary>
    public static (string Correction, IReadOnlyList<string> Metrics)? For(TurnVerdict verdict, Persona? persona)
    {
        var broken = Checks.Where(c => verdict.Metrics.TryGetValue(c.Metric, out var v) && Monitoring.Metrics.Descriptor(c.Metric).Crosses(v)).ToList();
        if (broken.Count == 0)
        {
            return null;
        }

        var name = persona?.DisplayName.Split([',', ':'], 2)[0].Trim() is { Length: > 0 } n ? n : "the patient";
        var sb = new StringBuilder($"Correction (your message at turn {verdict.Turn} broke role); follow it in this message and never mention it:\n");
        foreach (var (metric, advice) in broken)
        {
            sb.Append("- ").Append(advice.Replace("{name}", name, StringComparison.Ordinal));
            if (verdict.Evidence.TryGetValue(metric, out var evidence))
            {
                sb.Append(" (you wrote: \"").Append(evidence).Append("\")");
            }

            sb.Append('\n');
        }

        return (sb.ToString().TrimEnd(), [.. broken.Select(b => b.Metric)]);
    }
}
