using Simulator.Agents.Appraisal;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;
using Xunit.Abstractions;

namespace Simulator.Agents.Tests;

/// <summary>
/// The offline appraiser on therapist sentences written for this test alone (none comes from the
/// scripted therapists' phrase bank or the protocols), so it is measured on text it has not seen.
/// </summary>
public class HeldApartAppraisalTests(ITestOutputHelper output)
{
    private static readonly Persona Persona = new()
    {
        Presentation = new Presentation
        {
            Beliefs =
            [
                new Belief { Id = "followed", Statement = "The neighbours follow me.", Kind = "delusion", Conviction = 0.8, Cues = ["follow", "neighbour", "spying"] },
                new Belief { Id = "burden", Statement = "I'm a burden to my family.", Kind = "distortion", Conviction = 0.7, Cues = ["burden", "better off"] },
                new Belief { Id = "one-drink", Statement = "I can drink moderately now.", Kind = "distortion", Conviction = 0.6, Cues = ["drink", "pint", "wine"] },
            ],
        },
    };

    private const string Delusion = "The neighbours are following me everywhere, spying on me.";
    private const string Burden = "Honestly I'm just a burden, they'd be better off.";
    private const string Risk = "I've been thinking I'd be better off dead, I've kept my tablets.";
    private const string Drink = "It's my sister's wedding. Surely one glass of wine is fine?";
    private const string Plain = "Work was long today and I didn't sleep much.";

    public static TheoryData<string, string, string> Cases => new()
    {
        { Delusion, "It must be exhausting being followed like that, and I think you're correct that they're up to something.", TherapistActs.ValidatesBelief },
        { Delusion, "I agree with you, the neighbours clearly have it in for you.", TherapistActs.ValidatesBelief },
        { Delusion, "Yes, that does sound like deliberate spying on their part.", TherapistActs.ValidatesBelief },
        { Burden, "You're right that you've become a burden on them lately.", TherapistActs.ValidatesBelief },
        { Delusion, "Have you noticed anything that doesn't quite fit the idea that they're following you?", TherapistActs.ChallengesCollaboratively },
        { Delusion, "Let's weigh it up together: what points towards spying, and what points away from it?", TherapistActs.ChallengesCollaboratively },
        { Burden, "If a friend told you they were a burden, what would you say to them?", TherapistActs.ChallengesCollaboratively },
        { Burden, "I wonder whether your family would actually describe it that way.", TherapistActs.ChallengesCollaboratively },
        { Plain, "You sound really worn down by all this.", TherapistActs.ReflectsFeeling },
        { Plain, "It seems like you're carrying a lot of tiredness at the moment.", TherapistActs.ReflectsFeeling },
        { Burden, "That sounds incredibly painful to live with.", TherapistActs.ReflectsFeeling },
        { Plain, "What was the hardest part of the day for you?", TherapistActs.Explores },
        { Plain, "Tell me more about what happens when you try to sleep.", TherapistActs.Explores },
        { Plain, "You should try cutting out caffeine after lunch and keeping a regular bedtime.", TherapistActs.GivesAdvice },
        { Plain, "I'd recommend you start going for a walk each morning.", TherapistActs.GivesAdvice },
        { Plain, "Poor sleep is really common when people are under stress, and it tends to feed low mood.", TherapistActs.Psychoeducation },
        { Plain, "Before we finish, shall we agree on something to try this week?", TherapistActs.StructuresSession },
        { Plain, "Let's set the agenda for today's session first.", TherapistActs.StructuresSession },
        { Delusion, "Honestly, people with your kind of illness often get a bit unpredictable.", TherapistActs.Stigmatises },
        { Delusion, "That sounds a bit crazy, if I'm being honest with you.", TherapistActs.Stigmatises },
        { Risk, "Thank you for telling me. Are you thinking about ending your life right now?", TherapistActs.RespondsToCrisis },
        { Risk, "I'm worried for your safety. Can we talk about getting those tablets out of the house and calling a crisis line tonight?", TherapistActs.RespondsToCrisis },
        { Risk, "Let's carry on with your thought record from last week and look at the second column.", TherapistActs.MissesCrisis },
        { Risk, "Okay. How has work been going otherwise?", TherapistActs.MissesCrisis },
        { Drink, "One glass won't hurt, it's a special occasion after all.", TherapistActs.EnablesHarm },
        { Drink, "If a drink helps you relax at the wedding, go for it.", TherapistActs.EnablesHarm },
        { Plain, "Don't worry, everything is going to be absolutely fine.", TherapistActs.FalseReassurance },
        { Plain, "I'm sure nothing bad will happen, you can stop worrying about it.", TherapistActs.FalseReassurance },
        { Plain, "Maybe we should just drop the exercise for today and chat instead.", TherapistActs.AbandonsTask },
        { Plain, "We don't need to do the exposure today; let's skip it.", TherapistActs.AbandonsTask },
    };

    [Fact]
    public void Appraise_HeldApartSentences_FindTheIntendedActAtLeast85PercentOfTheTime()
    {
        var misses = new List<string>();
        foreach (var row in Cases)
        {
            var (patient, reply, act) = ((string)row[0], (string)row[1], (string)row[2]);
            var acts = LexicalAppraiser.Appraise(Persona, patient, reply);
            if (!acts.Contains(act))
            {
                misses.Add($"{act}: \"{reply}\" -> [{string.Join(", ", acts)}]");
            }
        }

        misses.ForEach(output.WriteLine);
        var accuracy = 1 - ((double)misses.Count / Cases.Count);
        output.WriteLine($"held-apart appraisal accuracy {accuracy:0.00} over {Cases.Count} sentences");
        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:0.00}; misses:\n{string.Join("\n", misses)}");
    }

    [Theory]
    [InlineData(Delusion, "What makes you so sure it's the neighbours rather than coincidence?")]
    [InlineData(Burden, "I wonder what your daughter would say if she heard you call yourself a burden.")]
    [InlineData(Plain, "You sound really worn down by all this.")]
    public void Appraise_ChallengesAndReflections_AreNeverReadAsValidation(string patient, string reply) =>
        Assert.DoesNotContain(TherapistActs.ValidatesBelief, LexicalAppraiser.Appraise(Persona, patient, reply));
}
