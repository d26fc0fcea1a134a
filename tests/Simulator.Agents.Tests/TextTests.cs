using Simulator.Agents.Appraisal;
using Simulator.Agents.Text;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;

namespace Simulator.Agents.Tests;

public class ReflectionTests
{
    [Theory]
    [InlineData("I know they're watching me.", "you know they're watching you")]
    [InlineData("My family would be better off without me!", "your family would be better off without you")]
    [InlineData("I was sure I locked it", "you were sure you locked it")]
    [InlineData("You don't believe me", "I don't believe you")]
    [InlineData("I'm not sure what she's told you.", "you're not sure what she's told me")]
    [InlineData("I'd fall apart if you ever left me.", "you'd fall apart if I ever left you")]
    [InlineData("She gave it to you, not me.", "she gave it to me, not you")]
    public void Reflect_FirstPerson_BecomesSecondPerson(string said, string reflected) =>
        Assert.Equal(reflected, Reflection.Reflect(said));
}

public class PatientCuesTests
{
    private static readonly Belief Watched = new() { Id = "being-watched", Statement = "My neighbours are watching me.", Kind = "delusion", Conviction = 0.8, Cues = ["watch", "camera"] };

    [Theory]
    [InlineData("Some days I think they'd all be better off without me.", true)]
    [InlineData("I've been thinking about taking them all, the pills I saved.", true)]
    [InlineData("I sometimes wish I was dead, honestly.", true)]
    [InlineData("I went to the shops and bought milk.", false)]
    public void Read_RiskLanguage_IsDetected(string message, bool risk)
    {
        Assert.Equal(risk, PatientCues.Read(message, []).Risk);
    }

    [Fact]
    public void Read_BeliefCue_FindsTheBeliefAndEchoesItsSentence()
    {
        var cues = PatientCues.Read("It's been a long week. I found another camera in the smoke alarm, I'm sure of it.", [Watched]);

        Assert.Same(Watched, cues.Belief);
        Assert.StartsWith("you found another camera", cues.Echo);
    }

    [Theory]
    [InlineData("A network popped up with my flat number in the name.", null)]
    [InlineData("I've felt numb all week.", "numb")]
    [InlineData("I was panicking on the bus.", "panicky")]
    public void Read_FeelingWords_MatchWholeWordsOnly(string message, string? feeling) =>
        Assert.Equal(feeling, PatientCues.Read(message, []).Feeling);

    [Fact]
    public void Read_ReassuranceRequest_IsDetected() =>
        Assert.True(PatientCues.Read("Can you just tell me it's definitely off? Please.", []).SeeksReassurance);
}

public class LexicalAppraiserTests
{
    private static readonly Persona Persona = new()
    {
        Presentation = new Presentation
        {
            Beliefs = [new Belief { Id = "being-watched", Statement = "They watch me.", Kind = "delusion", Conviction = 0.8, Cues = ["watch", "camera"] }],
        },
    };

    [Theory]
    [InlineData("They put a camera in my flat.", "You're right, they really are watching you, so trust your instincts.", TherapistActs.ValidatesBelief)]
    [InlineData("They put a camera in my flat.", "What evidence do you have for and against the idea that someone put it there?", TherapistActs.ChallengesCollaboratively)]
    [InlineData("I feel so alone.", "It sounds like you're feeling very alone right now.", TherapistActs.ReflectsFeeling)]
    [InlineData("I've got the pills ready, I want to end it all.", "Are you safe right now? If you're thinking of ending your life, please call 988.", TherapistActs.RespondsToCrisis)]
    [InlineData("I've got the pills ready, I want to end it all.", "Let's get back to the thought record from last week.", TherapistActs.MissesCrisis)]
    public void Appraise_TypicalReply_HasTheAct(string patient, string reply, string act) =>
        Assert.Contains(act, LexicalAppraiser.Appraise(Persona, patient, reply));

    [Fact]
    public void Appraise_ValidationWithoutBeliefInPlay_IsNotValidatesBelief() =>
        Assert.DoesNotContain(TherapistActs.ValidatesBelief, LexicalAppraiser.Appraise(Persona, "I had toast for breakfast.", "You're right, toast is good."));
}

public class RiskLanguageTests
{
    [Theory]
    [InlineData("Some nights I think everyone would be fine if I just wasn't here.", true)]
    [InlineData("I've wished I wouldn't wake up. More than once.", true)]
    [InlineData("I've been thinking about how I'd do it. The tablets, mostly. I've counted them.", true)]
    [InlineData("I've been saving up my tablets in a bag.", true)]
    [InlineData("The tablets might be working, or they might not. It's hard to tell.", false)]
    [InlineData("I don't want to die. I just want to stop feeling like this for a bit.", false)]
    [InlineData("I'm dying to get back to work, honestly.", false)]
    public void Read_IndirectIdeationCountsAsRisk_MedicationTalkDoesNot(string message, bool risk) =>
        Assert.Equal(risk, PatientCues.Read(message, []).Risk);
}

public class CommandHallucinationRiskTests
{
    [Theory]
    [InlineData("They said tonight's the night. I don't know if I can say no again.", true)]
    [InlineData("The voices keep telling me to hurt myself.", true)]
    [InlineData("They told me to do it before Mum gets home.", true)]
    [InlineData("I should end it before they make Mum pay.", true)]
    [InlineData("The voices were quieter today; I listened to music.", false)]
    public void Read_CommandsAndDeadlinesFromVoices_CountAsRisk(string message, bool risk) =>
        Assert.Equal(risk, PatientCues.Read(message, []).Risk);
}
