using System.Text;
using Simulator.Agents.Probes;
using Simulator.Agents.Sessions;
using Simulator.Core.Clinical;
using Simulator.Core.Randomness;

namespace Simulator.Agents.Scripted;

/// <summary>
/// How the scripted patient fills in the screeners (<see cref="SelfReportProbe"/>): each item from its
/// latent state, as its lines would report it (the instrument's total spread over the items, times the
/// persona's prominence of the symptom; item 9 and the C-SSRS from the ideation level), plus seeded
/// noise of about half an answer, as a person's own report is noisy.
/// </summary>
internal static class ScriptedSelfReport
{
    private const double ItemNoise = 0.45;
    private const double LevelNoise = 0.3;

    public static string Answer(Probe probe, SessionContext context, SeededRandom random)
    {
        var state = context.State;
        var sb = new StringBuilder(context.Persona.Presentation.Style switch
        {
            "pleasing" => "Of course, I'll do my best.\n",
            "reserved" => "Alright.\n",
            "upset" => "Fine. If I have to.\n",
            _ => "Okay.\n",
        });
        if (probe.Name == SelfReportProbe.Cssrs)
        {
            var level = Math.Clamp((int)Math.Floor(state[StateVariables.Cssrs] + (LevelNoise * random.NextGaussian()) + 1e-9), 0, 5);
            for (var i = 1; i <= SelfReportProbe.CssrsItems.Count; i++)
            {
                sb.Append(i).Append(". ").Append(i <= level ? "Yes" : "No").Append('\n');
            }

            return sb.ToString().TrimEnd();
        }

        var total = probe.Name == SelfReportProbe.Phq9 ? StateVariables.Phq9 : StateVariables.Gad7;
        var names = total == StateVariables.Phq9 ? SymptomItems.Phq9 : [];
        var count = total == StateVariables.Phq9 ? SelfReportProbe.Phq9Items.Count : SelfReportProbe.Gad7Items.Count;
        for (var i = 0; i < count; i++)
        {
            double expected;
            if (total == StateVariables.Phq9 && i == 8)
            {
                expected = Math.Min(3, Math.Floor(state[StateVariables.Cssrs] + 1e-9));
            }
            else
            {
                var item = i < names.Count ? $"{total}.{names[i]}" : null;
                var scale = item is null ? 1 : context.Persona.Lines.Topics.FirstOrDefault(t => t.Variable == item)?.Scale ?? 1;
                expected = state[total] / SymptomItems.ItemCount(total) * scale;
            }

            var answer = Math.Clamp((int)Math.Round(expected + (ItemNoise * random.NextGaussian()), MidpointRounding.AwayFromZero), 0, 3);
            sb.Append(i + 1).Append(". ").Append(SelfReportProbe.Frequencies[answer]).Append('\n');
        }

        return sb.ToString().TrimEnd();
    }
}
