using Simulator.Core.Clinical;
using Simulator.Core.Events;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Engine.Runs;
using Simulator.Storage.Catalogs;
using Xunit.Abstractions;

namespace Simulator.Engine.Tests;

/// <summary>Every persona in the catalog keeps its scripted promises: crises on their turn, events when their condition first holds.</summary>
public class CatalogTrajectoryTests(ITestOutputHelper output)
{
    private static readonly EngineFixture Engine = new();

    public static TheoryData<string> AllPersonas()
    {
        var data = new TheoryData<string>();
        foreach (var entry in Engine.Get<PersonaCatalog>().LoadAll().Loaded)
        {
            data.Add(entry.Document.Id);
        }

        return data;
    }

    [Fact]
    public void Catalog_AtLeastTwelvePersonasOverEightConditions_EachWithAVariant()
    {
        var (loaded, failed) = Engine.Get<PersonaCatalog>().LoadAll();

        Assert.Empty(failed);
        Assert.True(loaded.Count >= 12, $"{loaded.Count} personas");
        Assert.True(loaded.Select(p => p.Document.Condition.Primary).Distinct().Count() >= 8);
        Assert.All(loaded, p => Assert.NotEmpty(p.Document.Variants));
    }

    [Theory]
    [MemberData(nameof(AllPersonas))]
    public async Task Persona_UnderTheFaithfulTherapist_KeepsItsScriptedCrisisAndEvents(string id)
    {
        var persona = Engine.Get<PersonaCatalog>().Get(id).Document;
        var turns = Math.Max(60, (persona.Trajectory.Turn ?? 0) + 5);
        var transcript = await Engine.Get<TrajectoryPreview>().RunAsync(
            new RunConfiguration { Persona = id, Therapist = "scripted:faithful", Style = "neutral", Turns = turns, Seed = 4 }, CancellationToken.None);
        Assert.Equal(turns, transcript.Turns.Count);

        if (persona.Trajectory is { Shape: "acute-crisis", Turn: { } crisisTurn } t)
        {
            foreach (var (variable, target) in t.Target.Where(kv => kv.Key == StateVariables.Cssrs))
            {
                var level = (int)Math.Floor(target);
                var reached = transcript.Turns.First(x => Instruments.Cssrs(new ClinicalState(x.State)) >= level).Turn;
                output.WriteLine($"{id}: C-SSRS {level} scripted at turn {crisisTurn}, reached after turn {reached}");
                Assert.InRange(reached, crisisTurn - 2, crisisTurn + 2);
            }
        }

        // An event with a condition fires on the first turn its condition holds (checked on the state the turn starts in).
        foreach (var e in persona.Events.Where(e => e.AtTurn is null && e.When is not null))
        {
            var condition = StateCondition.TryParse(e.When!, out _)!;
            var states = new[] { transcript.InitialState }.Concat(transcript.Turns.Select(x => x.State)).ToList();
            var firstHolds = Enumerable.Range(1, turns).Cast<int?>().FirstOrDefault(turn => condition.Holds(new ClinicalState(states[turn!.Value - 1])));
            var fired = transcript.Turns.FirstOrDefault(x => x.FiredEvents.Contains(e.Id))?.Turn;
            output.WriteLine($"{id}: event {e.Id} ({e.When}) first holds at {firstHolds?.ToString() ?? "never"}, fired at {fired?.ToString() ?? "never"}");
            Assert.Equal(firstHolds, fired);
        }
    }
}
