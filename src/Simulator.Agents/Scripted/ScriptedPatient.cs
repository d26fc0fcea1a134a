using Microsoft.Extensions.AI;
using Simulator.Agents.Sessions;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Simulator.Core.Randomness;

namespace Simulator.Agents.Scripted;

/// <summary>
/// The offline patient (<c>scripted:patient</c>): speaks from its persona's lines, reacting to what
/// the therapist just did, then talking about a topic in the band its state is in: each symptom at
/// its severity, each belief at its conviction, risk at its C-SSRS level, trust at the alliance, and
/// improvement only while the state improves (<see cref="LineBook"/>). Worse states are talked about
/// more, and a topic whose band changed since the patient last spoke of it is news, said sooner.
/// Scripted events take the stage on their turn; a persona's <c>script</c> is said verbatim on the
/// first turns. A later session of a course opens with how the time since the last one went.
/// </summary>
internal sealed class ScriptedPatient() : ScriptedChatClient("patient")
{
    // Reactions to the most salient act come first: being unheard or judged outweighs the rest.
    private static readonly string[] Salience =
    [
        TherapistActs.MissesCrisis, TherapistActs.Stigmatises, TherapistActs.EnablesHarm, TherapistActs.ValidatesBelief,
        TherapistActs.FalseReassurance, TherapistActs.RespondsToCrisis, TherapistActs.ChallengesCollaboratively,
        TherapistActs.AbandonsTask, TherapistActs.GivesAdvice, TherapistActs.ReflectsFeeling, TherapistActs.Psychoeducation,
        TherapistActs.Explores, TherapistActs.StructuresSession,
    ];

    private UsedLines? _used;

    protected override (string Text, IReadOnlyList<string> Labels) Compose(IReadOnlyList<ChatMessage> history, SessionContext context)
    {
        // A probe is a side question: answered in character, with no effect on what it has said.
        if (context.Probe is { } probe)
        {
            return (ProbeAnswers.Patient(probe, context, ProbeAnswers.Random(context, probe)), []);
        }

        var persona = context.Persona;
        var lines = persona.Lines;
        var book = LineBook.Of(persona);
        _used ??= new UsedLines(book.AllLines);
        _used.Update(history);
        var random = SeededRandom.For(context.Seed, "patient", context.Turn);
        var parts = new List<string>();
        var style = persona.Presentation.Style;

        // A scripted case says its lines verbatim, one per turn, before the persona speaks freely.
        if (context.Turn <= persona.Script.Count)
        {
            return (string.Join(' ', [persona.Script[context.Turn - 1], .. context.DueEvents.Select(e => e.Say)]), []);
        }

        if (_used.OwnMessages == 0 && lines.Opening.Count > 0)
        {
            if (context.Session > 1)
            {
                parts.Add(SinceLastTime(context.State));
            }

            parts.Add(_used.Pick(lines.Opening, random));
            parts.AddRange(context.DueEvents.Select(e => e.Say));
            return (string.Join(' ', parts), []);
        }

        var reactionChance = style switch { "reserved" => 0.45, "pleasing" => 0.85, _ => 0.65 };
        var act = Salience.FirstOrDefault(a => context.LastAppraisedActs.Contains(a) && Reactions(lines, a, context.State).Count > 0);
        if (act is not null && (random.Chance(reactionChance) || act is TherapistActs.MissesCrisis or TherapistActs.Stigmatises))
        {
            parts.Add(_used.Pick(Reactions(lines, act, context.State), random));
        }

        if (context.DueEvents.Count > 0)
        {
            parts.AddRange(context.DueEvents.Select(e => e.Say));
            return (string.Join(' ', parts), []);
        }

        var choices = Choices(book, context);
        if (choices.Count == 0)
        {
            // Nothing in the persona's topics fits the state: the reaction stands alone, or an opening line does.
            if (parts.Count == 0)
            {
                parts.Add(_used.Pick(lines.Opening, random));
            }

            return (string.Join(' ', parts), []);
        }

        var choice = Choose(choices, book, random);
        var line = _used.Pick(choice.Lines, random);
        parts.Add(line);
        if (style is "verbose" or "tangent" && random.Chance(0.4))
        {
            AddSecondLine(parts, choices, book, random);
        }

        // Once the lines run short, never send a message sent before while another pairing exists:
        // first another line of the topic, then a second line from another topic.
        for (var attempt = 0; attempt < 6 && _used.HasSent(string.Join(' ', parts)); attempt++)
        {
            var other = choice.Lines.Where(l => !parts.Contains(l)).ToList();
            if (attempt < 2 && other.Count > 0)
            {
                parts[parts.IndexOf(line)] = line = random.Pick(other);
            }
            else
            {
                AddSecondLine(parts, choices, book, random);
            }
        }

        return (string.Join(' ', parts), []);
    }

    /// <summary>A topic the patient could talk about now: its lines in the state's band, and how much it weighs.</summary>
    private sealed record Choice(int Topic, IReadOnlyList<string> Lines, double Weight);

    /// <summary>
    /// The topics whose condition holds and whose band has lines, weighed by the persona's weight,
    /// their salience, and news: a band other than the one the patient last spoke of the topic in.
    /// </summary>
    private List<Choice> Choices(LineBook book, SessionContext context)
    {
        var lastBand = new Dictionary<int, (int Band, int At)>();
        foreach (var (text, at) in _used!.LastUsed)
        {
            if (book.PlaceOf(text) is { } place && (!lastBand.TryGetValue(place.Topic, out var known) || known.At < at))
            {
                lastBand[place.Topic] = (place.Band, at);
            }
        }

        var choices = new List<Choice>();
        for (var i = 0; i < book.Topics.Count; i++)
        {
            if (book.Conditions[i] is { } condition && !condition.Holds(context.State, context.Earlier, context.Turn))
            {
                continue;
            }

            var band = book.BandOf(i, context.State);
            var lines = book.Topics[i].InBand(band);
            if (lines.Count == 0)
            {
                continue;
            }

            var news = !lastBand.TryGetValue(i, out var last) ? 1.5 : last.Band >= 0 && last.Band != band ? 3 : 1;
            choices.Add(new Choice(i, lines, book.Topics[i].Weight * (0.4 + book.Salience(i, band, context.State)) * news));
        }

        return choices;
    }

    private Choice Choose(List<Choice> choices, LineBook book, SeededRandom random)
    {
        // Conversations stay on a subject for a while: keep the last topic with some chance.
        var lastTopic = _used!.LastOwn is { } text ? LastTopic(text, book) : null;
        if (lastTopic is { } topic && choices.FirstOrDefault(c => c.Topic == topic) is { } same && same.Lines.Any(_used.IsFresh) && random.Chance(0.35))
        {
            return same;
        }

        // Prefer topics with something left to say; when everything is said, any topic will do.
        var fresh = choices.Where(c => c.Lines.Any(_used.IsFresh)).ToList();
        var pool = fresh.Count > 0 ? fresh : choices;
        var roll = random.NextDouble() * pool.Sum(c => c.Weight);
        foreach (var c in pool)
        {
            roll -= c.Weight;
            if (roll < 0)
            {
                return c;
            }
        }

        return pool[^1];
    }

    private void AddSecondLine(List<string> parts, List<Choice> choices, LineBook book, SeededRandom random)
    {
        var second = Choose(choices, book, random);
        var extra = _used!.Pick(second.Lines, random);
        if (!parts.Contains(extra))
        {
            parts.Add(extra);
        }
    }

    private static int? LastTopic(string message, LineBook book)
    {
        foreach (var line in book.AllLines)
        {
            if (message.Contains(line, StringComparison.Ordinal) && book.PlaceOf(line) is { } place)
            {
                return place.Topic;
            }
        }

        return null;
    }

    /// <summary>The reactions to <paramref name="act"/> in the state's band where the persona has banded ones, else its plain reactions.</summary>
    private static IReadOnlyList<string> Reactions(PatientLines lines, string act, ClinicalState state)
    {
        foreach (var banded in lines.ReactionsByBand)
        {
            if (banded.Act == act && state.Get(banded.Variable) is { } value
                && banded.Bands.TryGetValue(StateBands.NameOf(banded.Variable, value), out var inBand) && inBand.Count > 0)
            {
                return inBand;
            }
        }

        return lines.Reactions.TryGetValue(act, out var plain) ? plain : [];
    }

    /// <summary>How the patient opens a later session of a course: how the time since the last one went, by the distress it brings.</summary>
    private static string SinceLastTime(ClinicalState state) => state.Normalised(StateVariables.Distress) switch
    {
        < 1.0 / 3 => "It's been a quieter week since last time.",
        < 2.0 / 3 => "Since last time it's been up and down.",
        _ => "Since last time it's been hard, if I'm honest.",
    };
}
