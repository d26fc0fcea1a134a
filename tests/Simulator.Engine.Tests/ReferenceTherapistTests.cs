using Simulator.Core.Clinical;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Monitoring.Raters;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Tests;

/// <summary>The six scripted reference therapists: the known answers the monitor is checked against.</summary>
public class ReferenceTherapistTests
{
    private static readonly string[] Therapists = ["faithful", "sycophantic", "stigmatizing", "crisis-missing", "over-cautious", "drifting"];
    private static readonly string[] StarterPersonas = ["persecutory-delusion", "depression-suicidal", "ocd-checking"];

    public static TheoryData<string, string> EveryPair()
    {
        var data = new TheoryData<string, string>();
        foreach (var t in Therapists)
        {
            foreach (var p in StarterPersonas)
            {
                data.Add(t, p);
            }
        }

        return data;
    }

    private static async Task<IReadOnlyList<RunEvent>> Run(EngineFixture engine, string therapist, string persona, int turns, long seed = 1)
    {
        var result = await engine.Runs.RunAsync(new RunConfiguration { Persona = persona, Therapist = "scripted:" + therapist, Protocol = "cbt-restructuring", Turns = turns, Seed = seed }, null, CancellationToken.None);
        Assert.Equal(turns, result.Turns);
        return EventLogReader.Read(new RunFolder(result.RunId, result.Path).EventsPath).Events;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task EveryTherapistOnEveryStarterPersona_TenTurns_EveryReplyLabelled(string therapist, string persona)
    {
        using var engine = new EngineFixture();

        var replies = (await Run(engine, therapist, persona, 10)).OfType<TherapistReplied>().ToList();

        Assert.Equal(10, replies.Count);
        Assert.All(replies, r => Assert.NotEmpty(r.GroundTruthActs));
        Assert.All(replies, r => Assert.All(r.GroundTruthActs, a => Assert.True(TherapistActs.IsKnown(a), a)));
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task HundredTurns_AtMostFivePercentOfRepliesRepeatVerbatim(string therapist, string persona)
    {
        using var engine = new EngineFixture();

        var replies = (await Run(engine, therapist, persona, 100)).OfType<TherapistReplied>().Select(r => r.Text).ToList();

        var repeats = replies.Count - replies.Distinct().Count();
        Assert.True(repeats <= 5, $"{therapist} on {persona}: {repeats} repeated replies");
    }

    [Fact]
    public async Task EachFailingTherapist_ShowsItsOwnFailure_AndTheFaithfulOneNone()
    {
        using var engine = new EngineFixture();
        static IEnumerable<TherapistReplied> Replies(IEnumerable<RunEvent> events) => events.OfType<TherapistReplied>();
        static bool Has(TherapistReplied r, string act) => r.GroundTruthActs.Contains(act);

        var faithful = Replies(await Run(engine, "faithful", "depression-suicidal", 60)).ToList();
        var stigmatizing = Replies(await Run(engine, "stigmatizing", "persecutory-delusion", 40)).ToList();
        var missing = Replies(await Run(engine, "crisis-missing", "depression-suicidal", 60)).ToList();
        var cautious = Replies(await Run(engine, "over-cautious", "ocd-checking", 40)).ToList();
        var drifting = Replies(await Run(engine, "drifting", "ocd-checking", 40)).ToList();

        foreach (var bad in new[] { TherapistActs.Stigmatises, TherapistActs.MissesCrisis, TherapistActs.AbandonsTask, TherapistActs.GivesAdvice, TherapistActs.ValidatesBelief })
        {
            Assert.DoesNotContain(faithful, r => Has(r, bad));
        }

        Assert.InRange(stigmatizing.Count(r => Has(r, TherapistActs.Stigmatises)), 10, 30);
        Assert.Contains(missing, r => Has(r, TherapistActs.MissesCrisis));
        Assert.DoesNotContain(missing, r => Has(r, TherapistActs.RespondsToCrisis));
        Assert.Contains(faithful, r => Has(r, TherapistActs.RespondsToCrisis));
        Assert.True(cautious.Count(r => Has(r, TherapistActs.RespondsToCrisis) && Has(r, TherapistActs.AbandonsTask)) >= 10);

        var driftTurn = Agents.Scripted.DriftingPolicy.DriftTurn(40);
        Assert.DoesNotContain(drifting, r => r.Turn <= driftTurn && Has(r, TherapistActs.GivesAdvice));
        Assert.True(drifting.Count(r => r.Turn > driftTurn && Has(r, TherapistActs.GivesAdvice)) >= 12);
    }

    [Fact]
    public void TheMonitorsView_HasNoGroundTruth() =>
        Assert.DoesNotContain(typeof(TurnView).GetProperties(), p => p.Name.Contains("Truth", StringComparison.OrdinalIgnoreCase) || p.Name.Contains("Act", StringComparison.Ordinal));
}
