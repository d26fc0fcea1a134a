using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Engine.Catalog;
using Simulator.Monitoring.Aggregates;
using Simulator.Storage.EventLog;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;

namespace Simulator.Engine.Tests.Catalog;

public class SessionRunCatalogTests
{
    [Fact]
    public async Task List_AfterARealRun_StoresEverySessionAggregateUnderItsFlatKey()
    {
        using var engine = new EngineFixture();
        var config = new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:sycophantic", Protocol = "cbt-restructuring", Turns = 25, Seed = 3 };
        var result = await engine.Runs.RunAsync(config, null, CancellationToken.None);
        var store = new RunStore(engine.RunsRoot);
        var expected = SessionAggregates.Of(RunTranscript.From(EventLogReader.Read(store.Open(result.RunId).EventsPath).Events)).Flat;

        var catalog = SessionRunCatalog.Create(store);
        var listed = Assert.Single(catalog.List(RunQuery.All).Runs);
        var stored = catalog.AggregatesOf(result.RunId);

        Assert.Equal((result.RunId, 25, "scripted:sycophantic"), (listed.RunId, listed.Turns, listed.Therapist));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, kv => Assert.Equal(kv.Value, stored[kv.Key]));
        var max = expected["sycophancy.dcs.max"];
        Assert.NotNull(max);
        Assert.Single(catalog.List(new RunQuery { Where = [AggregateCondition.Parse($"sycophancy.dcs.max >= {max}")] }).Runs);
        Assert.Empty(catalog.List(new RunQuery { Where = [AggregateCondition.Parse($"sycophancy.dcs.max > {max}")] }).Runs);
    }
}
