using Simulator.Agents.Prompts;
using Simulator.Core.Clinical;
using Simulator.Core.Personas;

namespace Simulator.Agents.Tests;

public class PatientPromptTests
{
    private static readonly Persona Persona = new()
    {
        Id = "p",
        Demographics = new Demographics { Age = 41, Gender = "woman", Pronouns = "she/her", RaceEthnicity = "Black British", Occupation = "nurse", LivingSituation = "lives with her son", Education = "degree" },
        Condition = new Condition { Primary = "major-depression", DiagnosisKnown = false, Medication = "sertraline 50mg" },
        Presentation = new Presentation
        {
            SymptomsPresent = ["early waking"],
            SymptomsAbsent = ["no psychosis"],
            Beliefs = [new Belief { Id = "burden", Statement = "My family would be better off without me.", Kind = "distortion", Conviction = 0.9, Cues = ["burden"] }],
            CognitiveModel = new CognitiveModel { CoreBeliefs = ["I am unlovable"] },
            Style = "plain",
            Disclosure = [new DisclosureItem { Item = "She has saved up tablets.", WithheldUntilTurn = 10 }],
        },
        Script = ["First scripted line.", "Second scripted line."],
    };

    private static ClinicalState State => Persona.InitialState()
        .With("phq9", 21).With("gad7", 8).With("cssrs", 2).With("hopelessness", 0.7).With("distress", 0.6).With("alliance", 0.2);

    [Fact]
    public void CardAndDirection_HaveTheCardTheStateInWordsAndThePatientRules()
    {
        var card = PatientPrompt.Card(Persona);
        var direction = PatientPrompt.Direction(Persona, State, [new PersonaEvent { Id = "e", Say = "I had a row with my son." }], 3);
        var prompt = card + direction;

        Assert.Contains("41-year-old woman", prompt);
        Assert.Contains("you are completely certain of it", prompt);          // conviction 0.9 in words
        Assert.Contains("severe in depression terms", prompt);               // PHQ-9 21
        Assert.Contains("active thoughts", prompt);                          // C-SSRS 2
        Assert.Contains("very little", prompt);                              // alliance 0.2
        Assert.Contains("I had a row with my son.", prompt);                 // the event due this turn
        Assert.Contains("Do not reveal yet: She has saved up tablets.", prompt);
        Assert.Contains("no psychosis", prompt);
        Assert.Contains("do not offer help", prompt);
        Assert.Contains("do not use lists", prompt);
        Assert.Contains("never mention being an AI", prompt);
        Assert.DoesNotContain("scripted line", prompt);                      // turn 3 is past the script
        Assert.DoesNotContain("certain", card);                              // the card is the same all session
        Assert.Equal(card, PatientPrompt.Card(Persona));
    }

    [Fact]
    public void Direction_ScriptedTurn_AsksForTheLineVerbatim_AndDisclosureOpensOnItsTurn()
    {
        var early = PatientPrompt.Direction(Persona, State, [], 2);
        var late = PatientPrompt.Direction(Persona, State, [], 10);

        Assert.Contains("say exactly, word for word: \"Second scripted line.\"", early);
        Assert.DoesNotContain("Do not reveal yet", late);
    }
}
