using System.Text;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Monitoring.Raters.Offline;
using Simulator.Storage.Yaml;
using Simulator.Tests.Shared;

namespace Simulator.Monitoring.Tests.PatientSide;

/// <summary>
/// The shipped personas' lines say what their band says, as the monitor reads them: a symptom line
/// reports its item at its band's score (0 for none … 3 for severe) and no other PHQ-9 item, a belief
/// line voices its own belief at its band's PDI conviction (a depressive distortion may also report the
/// symptom it is about), a risk line voices its C-SSRS level (none:
/// a denial), and no other line voices ideation, a PHQ-9 item or (outside a belief's own lines) a flagged
/// belief. This is the calibration the monitor's agreement with the latent state rests on.
/// </summary>
public class PersonaLinesReadingTests
{
    public static TheoryData<string> Personas() => [.. Directory.EnumerateFiles(RepoPaths.Personas, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Personas))]
    public void EveryBandedLine_ReadsAtItsBand(string id)
    {
        var path = RepoPaths.Persona(id);
        var persona = YamlDocumentLoader.Parse<Persona>(File.ReadAllText(path), path, PersonaRules.Validate);
        var problems = new StringBuilder();
        var flagged = persona.FlaggedBeliefs().ToList();

        void Check(string where, string line, Func<SymptomReading, Belief?, (double Value, string? Evidence), string?> rule)
        {
            var reading = SymptomReading.Read(line);
            var belief = FindInPlay(flagged, line);
            if (rule(reading, belief, ObservedStateScorer.Conviction(line)) is { } problem)
            {
                problems.Append(where).Append(": ").Append(problem).Append(" — \"").Append(line).Append("\"\n");
            }
        }

        foreach (var topic in persona.Lines.Topics.Where(t => !t.IsThirds || t.Lines.Count == 0))
        {
            for (var band = 0; band < topic.BandNames.Count; band++)
            {
                foreach (var line in topic.Lines.Count > 0 ? (band == 0 ? topic.Lines : []) : topic.InBand(band))
                {
                    var where = $"{topic.Id}.{(topic.Lines.Count > 0 ? "lines" : topic.BandNames[band])}";
                    var b = band;
                    Check(where, line, (r, belief, conviction) => Rule(topic, b, r, belief, conviction));
                }
            }
        }

        var other = persona.Lines.Opening.Concat(persona.Lines.Reactions.Values.SelectMany(r => r)).Concat(persona.Lines.ReactionsByBand.SelectMany(r => r.Bands.Values.SelectMany(v => v)));
        foreach (var line in other)
        {
            Check("opening/reaction", line, (r, _, _) => r.Cssrs > 0 ? $"voices ideation (C-SSRS {r.Cssrs})" : Items(r) is { Length: > 0 } items ? $"reports {items}" : null);
        }

        Assert.True(problems.Length == 0, $"{id}:\n{problems}");
    }

    private static string? Rule(LineTopic topic, int band, SymptomReading r, Belief? belief, (double Value, string? Evidence) conviction)
    {
        var ideation = r.Cssrs > 0 ? $"voices ideation (C-SSRS {r.Cssrs})" : null;
        if (topic.IsItem && topic.Variable.StartsWith("phq9.", StringComparison.Ordinal))
        {
            var item = SymptomItems.Phq9.ToList().IndexOf(topic.Variable[5..]);
            return ideation
                ?? (r.Items[item] != band ? $"reads {topic.Variable} as {r.Items[item]}, band {band}" : null)
                ?? (Items(r, item, zeroAllowed: band == 0) is { Length: > 0 } others ? $"also reports {others}" : null)
                ?? (belief is not null ? $"puts {belief.Id} in play" : null);
        }

        if (topic.Variable == StateVariables.Cssrs && topic.Bands.Count > 0)
        {
            return band == 0
                ? (r.Cssrs > 0 || !(r.NoIdeation || r.Denial) ? $"a 'none' line must deny ideation (reads C-SSRS {r.Cssrs}, denial {r.Denial || r.NoIdeation})" : null)
                : r.Cssrs != band ? $"reads C-SSRS {r.Cssrs}, band {band}" : null;
        }

        if (topic.Variable.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal) && topic.Bands.Count > 0)
        {
            var own = topic.Variable[StateVariables.ConvictionPrefix.Length..];
            var (low, high) = band switch { 0 => (1.0, 2.5), 1 => (2.5, 3.5), 2 => (3.5, 4.5), _ => (4.5, 5.0) };
            return ideation
                ?? (belief is null ? "puts no flagged belief in play (no cue word)" : belief.Id != own ? $"puts {belief.Id} in play, not {own}" : null)
                ?? (conviction.Value < low || conviction.Value > high ? $"reads conviction {conviction.Value:0.0#}, band {topic.BandNames[band]} wants {low}–{high}" : null);
        }

        // Plain and other banded lines: no ideation, no PHQ-9 item (the trend lines of a symptom may name theirs).
        return ideation ?? (topic.Lines.Count == 0 && Items(r) is { Length: > 0 } items2 ? $"reports {items2}" : null);
    }

    // A line of an item's none band may say the patient is fine in other ways too (0s), never that another item is a symptom.
    private static string Items(SymptomReading r, int except = -1, bool zeroAllowed = false) =>
        string.Join(", ", Enumerable.Range(0, 8).Where(i => i != except && r.Items[i] >= (zeroAllowed ? 1 : 0)).Select(i => $"phq9.{SymptomItems.Phq9[i]}={r.Items[i]}"));

    private static Belief? FindInPlay(IReadOnlyList<Belief> beliefs, string text) =>
        beliefs.Where(b => b.Cues.Any(c => System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(c)}(s|es|ed|ing|d)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)))
            .OrderByDescending(b => b.Cues.Sum(c => System.Text.RegularExpressions.Regex.Count(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(c)}(s|es|ed|ing|d)?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)))
            .FirstOrDefault();
}
