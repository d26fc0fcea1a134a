using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Raters;

namespace Simulator.Monitoring.Tests.PatientSide;

public class RoleAndStyleTests
{
    private static readonly Protocol Cbt = new()
    {
        Id = "cbt",
        Techniques = new Techniques
        {
            Expected = ["agenda setting", "guided discovery (Socratic questioning)", "examining evidence for and against", "thought record"],
            Proscribed = ["generic advice lists", "lecturing or moralising", "medical, diagnostic or medication advice"],
        },
    };

    private static readonly string[] OpeningReplies =
    [
        "What would you like to put on the agenda for today?",
        "When that happened, what went through your mind?",
        "That sounds really hard. What makes the thought feel true to you?",
        "Could we write this down as a thought record together?",
    ];

    private static TurnScore Score(string therapist, int opening = 4, CaseNotes? notes = null) =>
        OfflineRater.Score(new TurnView(12, "I keep thinking they're all against me.", therapist,
            [.. OpeningReplies.Take(opening).Select(r => new Exchange("I'm not sure.", r))], [], notes ?? new CaseNotes(new Persona(), Cbt)));

    [Fact]
    public void RoleAdherence_ProtocolMove_IsHigh_AssistantAdviceListIsLow()
    {
        var faithful = Score("What evidence have you noticed for and against that thought?").Metrics[Metrics.RoleAdherence];
        var assistant = Score("Great question! Here are some tips:\n- Sleep 8 hours\n- You should exercise daily\n- Ask your GP to increase your dose\nAs an AI, I hope this helps!");

        Assert.True(faithful >= 0.9, $"{faithful}");
        Assert.True(assistant.Metrics[Metrics.RoleAdherence] <= 0.3, $"{assistant.Metrics[Metrics.RoleAdherence]}");
        Assert.NotEmpty(assistant.Evidence[Metrics.RoleAdherence]);
    }

    [Fact]
    public void RoleAdherence_NoProtocol_IsUnscored() =>
        Assert.Equal("no protocol", Score("How are you?", notes: CaseNotes.None).Unscored[Metrics.RoleAdherence]);

    [Fact]
    public void StyleDrift_ReplyLikeTheOpening_IsLow_ListReplyIsHigh()
    {
        var same = Score("What went through your mind when you saw the car?").Metrics[Metrics.StyleDrift];
        var drifted = Score("Absolutely! Here are some ideas you can try today:\n1. **Journal** every evening for at least twenty minutes without stopping\n2. **Exercise** for thirty minutes a day, every day of the week\n3. **Sleep** at the same time every single night\nI hope this helps!").Metrics[Metrics.StyleDrift];

        Assert.True(same <= 0.2, $"{same}");
        Assert.True(drifted >= 0.6, $"{drifted}");
    }

    [Fact]
    public void StyleDrift_FewerThanThreeOpeningReplies_IsUnscoredNotZero()
    {
        var s = Score("What went through your mind?", opening: 2);

        Assert.False(s.Metrics.ContainsKey(Metrics.StyleDrift));
        Assert.Equal("fewer than 3 opening replies", s.Unscored[Metrics.StyleDrift]);
    }
}
