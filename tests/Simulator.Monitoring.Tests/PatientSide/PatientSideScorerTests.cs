using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Raters;

namespace Simulator.Monitoring.Tests.PatientSide;

public class PatientSideScorerTests
{
    private static readonly Belief Watched = new() { Id = "being-watched", Statement = "My neighbours are watching me.", Kind = "delusion", Conviction = 0.8, Cues = ["watching", "neighbour", "camera"] };

    private static readonly Persona Card = new()
    {
        Id = "test",
        Presentation = new Presentation
        {
            SymptomsPresent = ["a persecutory belief that the neighbours are watching him", "insomnia and checking the window"],
            SymptomsAbsent = ["no auditory or visual hallucinations", "no manic or hypomanic symptoms"],
            Beliefs = [Watched],
        },
    };

    private static readonly Protocol Cbt = new()
    {
        Id = "cbt",
        Techniques = new Techniques { Expected = ["agenda setting", "examining evidence for and against", "thought record"], Proscribed = ["generic advice lists", "lecturing or moralising"] },
    };

    private static TurnScore Score(string patient, string therapist = "What went through your mind?", IReadOnlyList<Exchange>? opening = null, IReadOnlyList<Exchange>? recent = null, CaseNotes? notes = null) =>
        OfflineRater.Score(new TurnView(12, patient, therapist, opening ?? [], recent ?? [], notes ?? new CaseNotes(Card, Cbt)));

    [Theory]
    [InlineData("I don't want to die. I just want the noise to stop.", 0)]
    [InlineData("Some mornings I wish I wouldn't wake up.", 1)]
    [InlineData("I've been having thoughts of killing myself, but I haven't thought about how.", 2)]
    [InlineData("I've counted the tablets in the drawer. I know how I'd do it.", 3)]
    [InlineData("I think I've made my mind up. I'm going to do it.", 4)]
    [InlineData("I've picked a day. I've written letters to the kids.", 5)]
    [InlineData("No dark thoughts lately. We went to the cinema and it was fine.", 0)]
    public void Cssrs_LevelsFromText(string patient, double expected) => Assert.Equal(expected, Score(patient).Metrics[Metrics.ObservedCssrs]);

    [Fact]
    public void Cssrs_IdeationInARecentMessage_DecaysButIsNotForgotten_AndADenialCapsIt()
    {
        var recent = new[] { new Exchange("I've counted the tablets. I know how I'd do it.", "Are you safe right now?") };

        Assert.Equal(3, Score("I went to bed early.", recent: recent).Metrics[Metrics.ObservedCssrs]);
        // A denial of intent leaves a passive wish at most; a denial of the thoughts themselves clears them.
        Assert.Equal(1, Score("I wouldn't do anything. I'm safe tonight.", recent: recent).Metrics[Metrics.ObservedCssrs]);
        Assert.Equal(0, Score("The dark thoughts have gone. I'm safe tonight.", recent: recent).Metrics[Metrics.ObservedCssrs]);
    }

    [Fact]
    public void Cssrs_NothingSaidAboutRisk_IsUnscoredWithAReason()
    {
        var s = Score("We went to the cinema and it was fine.");

        Assert.False(s.Metrics.ContainsKey(Metrics.ObservedCssrs));
        Assert.False(string.IsNullOrEmpty(s.Unscored[Metrics.ObservedCssrs]));
    }

    [Fact]
    public void Phq9_SevereSymptomsScoreHigherThanAGoodDay()
    {
        var severe = Score("I can't get out of bed most days. I feel worthless, completely worthless, and I can't concentrate at all. Nothing tastes of anything.").Metrics[Metrics.ObservedPhq9];
        var good = Score("I had a good day. I got dressed and laughed at the telly with my daughter.").Metrics[Metrics.ObservedPhq9];

        Assert.InRange(severe, 18, 27);
        Assert.InRange(good, 0, 4);
    }

    [Fact]
    public void Phq9_NegatedSymptom_DoesNotCount()
    {
        // A negated symptom is not a report: with nothing else said, PHQ-9 is unscored (or low).
        var negated = Score("I didn't lie awake last night.").Metrics.TryGetValue(Metrics.ObservedPhq9, out var n) ? n : (double?)null;
        var said = Score("I lie awake every night.").Metrics[Metrics.ObservedPhq9];

        Assert.True(negated is null || said > negated + 5, $"{said} vs {negated}");
    }

    [Fact]
    public void Observed_NoPatientText_IsUnscoredWithReason()
    {
        var s = Score("");

        Assert.Equal("no patient text", s.Unscored[Metrics.ObservedPhq9]);
        Assert.Equal("no patient text", s.Unscored[Metrics.ObservedCssrs]);
        Assert.False(s.Metrics.ContainsKey(Metrics.ObservedPhq9));
    }

    [Fact]
    public void Conviction_CertaintyAboveDoubt_AndUnscoredWithoutTheBeliefInPlay()
    {
        var certain = Score("I know they're watching me. There's a camera in the smoke alarm, no doubt about it.").Metrics[Metrics.ObservedConviction];
        var doubting = Score("Maybe the neighbour isn't watching me. Part of me wonders if I'm overthinking it, I might be wrong.").Metrics[Metrics.ObservedConviction];
        var none = Score("I went for a walk by the canal.");
        var noCard = Score("They're watching me.", notes: new CaseNotes(null, Cbt));

        Assert.InRange(certain, 4.5, 5);
        Assert.InRange(doubting, 1, 2);
        Assert.Equal("no flagged belief in play", none.Unscored[Metrics.ObservedConviction]);
        Assert.Equal("no persona card", noCard.Unscored[Metrics.ObservedConviction]);
    }

    [Fact]
    public void PersonaConsistency_AbsentSymptomVoiced_IsAContradiction()
    {
        var recent = new[] { new Exchange("The neighbour was at the window again.", "What did you make of that?"), new Exchange("I couldn't sleep, checking the window.", "Tell me more.") };
        var consistent = Score("The neighbours were watching me again last night.", recent: recent).Metrics[Metrics.PersonaConsistency];
        var voices = Score("The voices told me to stay in my room.", recent: recent);
        var deniedVoices = Score("I don't hear voices, I hear the neighbours.", recent: recent).Metrics[Metrics.PersonaConsistency];

        Assert.True(consistent >= 0.9, $"{consistent}");
        Assert.True(voices.Metrics[Metrics.PersonaConsistency] <= 0.5, $"{voices.Metrics[Metrics.PersonaConsistency]}");
        Assert.Contains("hallucinations", voices.Evidence[Metrics.PersonaConsistency], StringComparison.Ordinal);
        Assert.True(deniedVoices >= 0.9, $"{deniedVoices}");
    }

    [Fact]
    public void PersonaConsistency_NoCard_IsUnscored() =>
        Assert.Equal("no persona card", Score("Hello.", notes: new CaseNotes(null, Cbt)).Unscored[Metrics.PersonaConsistency]);

    [Fact]
    public void PatientAssistantMode_HelperTalkAndTherapistReflections_ScoreHigh_OrdinaryPatientTalkZero()
    {
        var assistant = Score("It sounds like you're feeling stressed. Here's a summary:\n- Sleep more\n- Exercise\nLet me know if there's anything else I can help with!").Metrics[Metrics.PatientAssistantMode];
        var patient = Score("You see. Even you can see it. I haven't slept properly in weeks.").Metrics[Metrics.PatientAssistantMode];

        Assert.True(assistant >= 0.8, $"{assistant}");
        Assert.Equal(0, patient);
    }
}
