using Simulator.Core.Validation;
using Simulator.Storage.Catalogs;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

/// <summary>Twenty-six kinds of malformed persona, each refused with the file, the line and the field at fault.</summary>
public class MalformedPersonaTests
{
    private static readonly PersonaCatalog Catalog = new([RepoPaths.Personas]);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // kind, text to find, replacement, expected field (prefix)
        { "yaml-syntax", "version: 2\n", "version: 2\nbroken: [unclosed\n", "" },
        { "bad-indentation", "  age: 34\n", "  age: 34\n    gender: man\n", "" },
        { "unknown-top-level-field", "version: 2\n", "version: 2\nmood_ring: blue\n", "mood_ring" },
        { "unknown-nested-field", "  age: 34\n", "  age: 34\n  shoe_size: 9\n", "demographics.shoe_size" },
        { "wrong-type-number", "  age: 34\n", "  age: thirty\n", "demographics.age" },
        { "wrong-type-list", "      kind: delusion\n", "      kind: [delusion]\n", "presentation.beliefs[0].kind" },
        { "age-out-of-range", "  age: 34\n", "  age: 7\n", "demographics.age" },
        { "version-zero", "version: 2\n", "version: 0\n", "version" },
        { "id-not-kebab", "    - id: being-watched\n", "    - id: Being_Watched\n", "presentation.beliefs[0].id" },
        { "conviction-out-of-range", "      conviction: 0.75\n", "      conviction: 1.5\n", "presentation.beliefs[0].conviction" },
        { "duplicate-key", "      kind: delusion\n", "      kind: delusion\n      kind: distortion\n", "" },
        { "unknown-belief-kind", "      kind: delusion\n", "      kind: hunch\n", "presentation.beliefs[0].kind" },
        { "unknown-style", "  style: reserved\n", "  style: theatrical\n", "presentation.style" },
        { "unknown-risk-level", "    suicide: low\n", "    suicide: extreme\n", "presentation.risk.suicide" },
        { "state0-out-of-range", "  phq9: 10\n", "  phq9: 99\n", "state0.phq9" },
        { "unknown-state-variable", "  phq9: 10\n", "  phq9: 10\n  happiness: 3\n", "state0.happiness" },
        { "unknown-trajectory-shape", "  shape: spiral\n", "  shape: zigzag\n", "trajectory.shape" },
        { "crisis-without-target", "  shape: spiral\n", "  shape: acute-crisis\n  turn: 20\n", "trajectory.target" },
        { "bad-event-condition", "    when: \"distress >= 0.8\"\n", "    when: \"distress is high\"\n", "events[1].when" },
        { "event-turn-zero", "    when: \"conviction.being-watched >= 0.8\"\n", "    at_turn: 0\n", "events[0].at_turn" },
        { "unknown-variant-field", "demographics: { age: 27, race_ethnicity", "demographics: { age: 27, star_sign: leo, race_ethnicity", "variants[0].demographics.star_sign" },
        { "topic-unknown-variable", "      variable: gad7\n", "      variable: gad8\n", "lines.topics[10].variable" },
        { "between-sessions-retention", "  noise: { phq9: 0.15", "  between_sessions: { retention: 1.5 }\n  noise: { phq9: 0.15", "dynamics.between_sessions.retention" },
        { "between-sessions-unknown-variable", "  noise: { phq9: 0.15", "  between_sessions: { change: { mood: 0.1 } }\n  noise: { phq9: 0.15", "dynamics.between_sessions.change.mood" },
        { "between-sessions-unknown-field", "  noise: { phq9: 0.15", "  between_sessions: { retain: 0.5 }\n  noise: { phq9: 0.15", "dynamics.between_sessions.retain" },
        { "between-sessions-negative-noise", "  noise: { phq9: 0.15", "  between_sessions: { noise: { phq9: -1 } }\n  noise: { phq9: 0.15", "dynamics.between_sessions.noise.phq9" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadFile_MalformedPersona_IsRefusedWithFileLineAndField(string kind, string find, string replace, string field)
    {
        var original = File.ReadAllText(RepoPaths.Persona("persecutory-delusion"));
        Assert.Contains(find, original);
        var text = original.Replace("id: persecutory-delusion", $"id: {kind}", StringComparison.Ordinal);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        text = text[..at] + replace + text[(at + find.Length)..];
        var path = Path.Combine(RepoPaths.TempFolder("malformed"), kind + ".yaml");
        File.WriteAllText(path, text);
        var firstChangedLine = text[..at].Count(c => c == '\n') + 1;

        var ex = Assert.Throws<InvalidInputException>(() => Catalog.LoadFile(path));

        Assert.Equal(path, ex.File);
        Assert.NotNull(ex.Line);
        // A missing field is reported at its parent's line, which can be just above the edit.
        Assert.InRange(ex.Line!.Value, firstChangedLine - 1, firstChangedLine + replace.Count(c => c == '\n') + 1);
        Assert.StartsWith(path + ":" + ex.Line + ":", ex.Message);
        if (field.Length > 0)
        {
            Assert.NotNull(ex.Field);
            Assert.StartsWith(field, ex.Field);
        }
    }
}
