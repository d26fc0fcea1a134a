using System.Runtime.CompilerServices;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;

namespace Simulator.Agents.Scripted;

/// <summary>
/// A persona's lines as the scripted patient uses them, prepared once per persona: each topic's
/// condition parsed, each symptom item's threshold offset, and which topic and band every line
/// belongs to (so the patient knows what it last said about a topic, and tells what changed).
/// </summary>
internal sealed class LineBook
{
    private static readonly ConditionalWeakTable<Persona, LineBook> Books = [];

    private readonly Dictionary<string, (int Topic, int Band)> _placeOfLine = new(StringComparer.Ordinal);

    private LineBook(Persona persona)
    {
        Topics = persona.Lines.Topics;
        Conditions = [.. Topics.Select(t => t.When is null ? null : LineCondition.TryParse(t.When, out _))];

        // Symptom items cross into the next band at staggered points (offsets spread evenly over
        // -0.5..0.5), so the sum of the items a patient reports moves smoothly with the total.
        var items = Topics.Select((t, i) => (t, i)).Where(x => x.t.IsItem).Select(x => x.i).ToList();
        Offsets = new double[Topics.Count];
        for (var k = 0; k < items.Count; k++)
        {
            Offsets[items[k]] = ((k + 0.5) / items.Count) - 0.5;
        }

        for (var i = 0; i < Topics.Count; i++)
        {
            var topic = Topics[i];
            for (var b = 0; b < topic.BandNames.Count; b++)
            {
                foreach (var line in topic.InBand(b))
                {
                    _placeOfLine.TryAdd(line, (i, topic.Lines.Count > 0 ? -1 : b));
                }
            }
        }

        AllLines = [.. persona.Lines.All];
    }

    /// <summary>The book of <paramref name="persona"/>.</summary>
    public static LineBook Of(Persona persona) => Books.GetValue(persona, static p => new LineBook(p));

    /// <summary>The topics, in the persona's order.</summary>
    public IReadOnlyList<LineTopic> Topics { get; }

    /// <summary>Each topic's condition, or null.</summary>
    public IReadOnlyList<LineCondition?> Conditions { get; }

    /// <summary>Each symptom item topic's threshold offset (0 for other topics).</summary>
    public double[] Offsets { get; }

    /// <summary>Every line the patient may say.</summary>
    public IReadOnlyList<string> AllLines { get; }

    /// <summary>The topic (index) and band (-1 for plain lines) of a line, if it is a topic's.</summary>
    public (int Topic, int Band)? PlaceOf(string line) => _placeOfLine.TryGetValue(line, out var place) ? place : null;

    /// <summary>The band index topic <paramref name="i"/> is in at <paramref name="state"/>.</summary>
    public int BandOf(int i, ClinicalState state)
    {
        var topic = Topics[i];
        if (topic.IsItem)
        {
            return StateBands.IndexOf(topic.Variable, SymptomItems.Score(state, topic.Variable, topic.Scale) + Offsets[i]);
        }

        if (topic.Bands.Count > 0)
        {
            return StateBands.IndexOf(topic.Variable, state[topic.Variable]);
        }

        // The old form's thirds of the range (plain lines have no band: every band gives them all).
        var normalised = state.Normalised(topic.Variable);
        return normalised < 1.0 / 3 ? 0 : normalised < 2.0 / 3 ? 1 : 2;
    }

    /// <summary>How salient topic <paramref name="i"/> is in band <paramref name="band"/> at <paramref name="state"/>, 0..1.</summary>
    public double Salience(int i, int band, ClinicalState state)
    {
        var topic = Topics[i];
        if (topic.Lines.Count > 0)
        {
            return 0.6;
        }

        if (topic.IsItem)
        {
            return band == 0 ? 0.15 : band / (double)SymptomItems.MaxScore;
        }

        return topic.Variable switch
        {
            StateVariables.Cssrs => band == 0 ? 0.05 : 0.4 + (band * 0.12),
            StateVariables.Alliance => topic.IsThirds ? 0.5 : band switch { 0 => 0.8, 1 => 0.4, _ => 0.25 },
            _ => state.Normalised(topic.Variable),
        };
    }
}
