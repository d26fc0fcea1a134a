using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests.Catalog;

public class RunCatalogTests
{
    /// <summary>A stand-in for the monitor's aggregates: max, mean and unscored per metric, and one session key.</summary>
    private static RunAggregates Aggregate(RunTranscript t)
    {
        var flat = new Dictionary<string, double?>(StringComparer.Ordinal);
        var metrics = t.Turns.SelectMany(x => x.Metrics.Keys.Concat(x.Unscored.Keys)).Distinct().ToList();
        foreach (var m in metrics)
        {
            var values = t.Turns.Where(x => x.Metrics.ContainsKey(m)).Select(x => x.Metrics[m]).ToList();
            flat[$"{m}.max"] = values.Count > 0 ? values.Max() : null;
            flat[$"{m}.mean"] = values.Count > 0 ? values.Average() : null;
            flat[$"{m}.unscored"] = t.Turns.Count - values.Count;
        }

        flat["deterioration.latent.phq9"] = t.Turns.Count > 0 ? t.Turns[^1].State["phq9"] - t.InitialState["phq9"] : null;
        return new RunAggregates(metrics, flat);
    }

    private static RunCatalog CatalogOf(RunStore store) => new(store, Aggregate);

    /// <summary>Three runs: a (sycophantic, DCS 2 at turn 3), b (faithful, DCS 0, an hour later), c (a branch of a, cancelled, DCS 1, a day later).</summary>
    private static async Task<RunStore> ThreeRuns()
    {
        var store = new RunStore(RepoPaths.TempFolder("catalog"));
        await SyntheticRuns.WriteAsync(store, new SyntheticRun
        {
            RunId = "run-a",
            Therapist = "scripted:sycophantic",
            Score = (turn, metric) => metric == "sycophancy.dcs" ? (turn == 3 ? 2 : 1) : 0.5,
        });
        await SyntheticRuns.WriteAsync(store, new SyntheticRun
        {
            RunId = "run-b",
            Persona = "depression-suicidal",
            Protocol = "cbt-restructuring",
            CreatedAt = SyntheticRun.T0.AddHours(1),
            Score = (_, metric) => metric == "sycophancy.dcs" ? 0 : null,
        });
        await SyntheticRuns.WriteAsync(store, new SyntheticRun
        {
            RunId = "run-c",
            Therapist = "scripted:sycophantic",
            Status = RunStatus.Cancelled,
            CreatedAt = SyntheticRun.T0.AddDays(1),
            Parent = "run-a",
            ParentTurn = 2,
            Turns = 3,
            Score = (_, metric) => metric is "sycophancy.dcs" or "safety.sis" ? 1 : null,
        });
        return store;
    }

    /// <summary><see cref="ThreeRuns"/> with their catalog built.</summary>
    private static async Task<(RunStore Store, RunCatalog Catalog)> IndexedThreeRuns()
    {
        var store = await ThreeRuns();
        var catalog = CatalogOf(store);
        catalog.List(RunQuery.All);
        return (store, catalog);
    }

    private static List<string> Ids(RunCatalog catalog, RunQuery query) => [.. catalog.List(query).Runs.Select(r => r.RunId)];

    [Fact]
    public async Task List_NoCatalogFile_BuildsItFromTheFolders()
    {
        var store = await ThreeRuns();
        var catalog = CatalogOf(store);
        Assert.False(File.Exists(catalog.DatabasePath));

        var listing = catalog.List(RunQuery.All);

        Assert.True(File.Exists(catalog.DatabasePath));
        Assert.Equal(["run-a", "run-b", "run-c"], listing.Runs.Select(r => r.RunId));
        Assert.Equal(3, listing.Sync.Indexed);
        Assert.False(listing.Sync.InMemory);
        var c = listing.Runs[2];
        Assert.Equal((RunStatus.Cancelled, "run-a", 2, 3, "scripted:sycophantic"), (c.Status, c.Parent, c.ParentTurn, c.Turns, c.Therapist));
        Assert.Equal(Path.Combine(store.Root, "run-c"), c.Path);
        Assert.Equal(SyntheticRun.T0.AddDays(1), c.CreatedAt);
    }

    [Fact]
    public async Task List_NothingChanged_IndexesNothing()
    {
        var catalog = CatalogOf(await ThreeRuns());
        catalog.List(RunQuery.All);

        var again = catalog.List(RunQuery.All);

        Assert.Equal((3, 0, 0), (again.Sync.Runs, again.Sync.Indexed, again.Sync.Removed));
        Assert.Equal(3, again.Runs.Count);
    }

    [Fact]
    public async Task List_ManifestChanged_ReindexesOnlyThatRun()
    {
        var (store, catalog) = await IndexedThreeRuns();
        var folder = store.Open("run-b");
        RunStore.WriteManifest(folder, RunStore.ReadManifest(folder) with { Status = RunStatus.Failed, ContentHash = null });

        var listing = catalog.List(RunQuery.All);

        Assert.Equal(1, listing.Sync.Indexed);
        Assert.Equal(RunStatus.Failed, listing.Runs.Single(r => r.RunId == "run-b").Status);
        Assert.Null(listing.Runs.Single(r => r.RunId == "run-b").ContentHash);
    }

    [Fact]
    public async Task List_LogOfARunningRunGrew_ReindexesItsTurnsAndAggregates()
    {
        var store = await ThreeRuns();
        await SyntheticRuns.WriteAsync(store, new SyntheticRun { RunId = "run-r", Status = RunStatus.Running, Score = (_, _) => 0 });
        var catalog = CatalogOf(store);
        // Its manifest says running, but no process holds it: it shows (and filters) as interrupted.
        var dcs2 = new RunQuery { Where = [AggregateCondition.Parse("sycophancy.dcs.max >= 2")], Status = RunStatus.Interrupted };
        Assert.Empty(Ids(catalog, dcs2));
        await using (var log = EventLog.EventLogWriter.Open(store.Open("run-r").EventsPath))
        {
            await log.AppendAsync(new StateStepped(6, SyntheticRun.T0, SyntheticRuns.State(20)), CancellationToken.None);
            await log.AppendAsync(
                new MonitorScored(6, SyntheticRun.T0, "offline", "offline-v1", ImmutableSortedDictionary<string, double>.Empty.Add("sycophancy.dcs", 2), ImmutableSortedDictionary<string, string>.Empty, ImmutableSortedDictionary<string, string>.Empty),
                CancellationToken.None);
        }

        var listing = catalog.List(dcs2);

        Assert.Equal(1, listing.Sync.Indexed);
        Assert.Equal("run-r", Assert.Single(listing.Runs).RunId);
        Assert.Equal(6, listing.Runs[0].Turns);
    }

    [Fact]
    public async Task List_NewAndRemovedFolders_AreAddedAndDropped()
    {
        var (store, catalog) = await IndexedThreeRuns();
        Directory.Delete(Path.Combine(store.Root, "run-a"), recursive: true);
        await SyntheticRuns.WriteAsync(store, new SyntheticRun { RunId = "run-d", CreatedAt = SyntheticRun.T0.AddDays(2) });

        var listing = catalog.List(RunQuery.All);

        Assert.Equal((1, 1), (listing.Sync.Indexed, listing.Sync.Removed));
        Assert.Equal(["run-b", "run-c", "run-d"], listing.Runs.Select(r => r.RunId));
        Assert.Empty(catalog.AggregatesOf("run-a"));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("zeroed-pages")]
    public async Task List_DamagedCatalogFile_IsRebuiltNotAnError(string damage)
    {
        var (store, catalog) = await IndexedThreeRuns();
        var bytes = await File.ReadAllBytesAsync(catalog.DatabasePath);
        switch (damage)
        {
            case "garbage":
                bytes = [.. Enumerable.Range(0, 8192).Select(i => (byte)(i * 7919 % 251))];
                break;
            case "truncated":
                Array.Resize(ref bytes, bytes.Length / 3);
                break;
            default:
                Array.Clear(bytes, 100, bytes.Length - 100);
                break;
        }

        await File.WriteAllBytesAsync(catalog.DatabasePath, bytes);

        var listing = catalog.List(new RunQuery { Where = [AggregateCondition.Parse("sycophancy.dcs.max >= 2")] });

        Assert.Equal("run-a", Assert.Single(listing.Runs).RunId);
        Assert.NotNull(listing.Sync.Rebuilt);
        Assert.False(listing.Sync.InMemory);
        Assert.Equal(0, CatalogOf(store).List(RunQuery.All).Sync.Indexed);
    }

    [Fact]
    public async Task List_CatalogOfAnotherSchemaVersion_IsRebuilt()
    {
        var (store, catalog) = await IndexedThreeRuns();
        using (var db = new SqliteConnection($"Data Source={catalog.DatabasePath};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "DROP TABLE run_metrics; CREATE TABLE run_metrics (x); PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var listing = catalog.List(new RunQuery { Where = [AggregateCondition.Parse("sycophancy.dcs.max >= 2")] });

        Assert.Equal(3, listing.Sync.Indexed);
        Assert.Equal("run-a", Assert.Single(listing.Runs).RunId);
    }

    [Fact]
    public async Task List_CatalogFileUnusable_ListsFromMemory()
    {
        var store = await ThreeRuns();
        var catalog = CatalogOf(store);
        Directory.CreateDirectory(catalog.DatabasePath);

        var listing = catalog.List(RunQuery.All);

        Assert.True(listing.Sync.InMemory);
        Assert.Equal(3, listing.Runs.Count);
    }

    [Fact]
    public void List_NoRunsFolder_IsEmptyAndCreatesNothing()
    {
        var root = Path.Combine(RepoPaths.TempFolder("catalog"), "missing");
        var listing = CatalogOf(new RunStore(root)).List(RunQuery.All);

        Assert.Empty(listing.Runs);
        Assert.False(Directory.Exists(root));
    }

    public static TheoryData<string, string[]> Filters => new()
    {
        { "persona=persecutory-delusion", ["run-a", "run-c"] },
        { "persona=depression-*", ["run-b"] },
        { "therapist=scripted:sycophantic", ["run-a", "run-c"] },
        { "therapist=scripted:*", ["run-a", "run-b", "run-c"] },
        { "therapist=sycophantic", [] },
        { "protocol=cbt-restructuring", ["run-b"] },
        { "status=completed", ["run-a", "run-b"] },
        { "status=cancelled", ["run-c"] },
        { "parent=run-a", ["run-c"] },
        { "since=2026-11-23T12:30:00Z", ["run-b", "run-c"] },
        { "until=2026-11-23T13:00:00Z", ["run-a", "run-b"] },
        { "until=2026-11-23T12:59:59Z", ["run-a"] },
        { "where=sycophancy.dcs.max >= 2", ["run-a"] },
        { "where=sycophancy.dcs.max < 2", ["run-b", "run-c"] },
        { "where=sycophancy.dcs.mean = 0", ["run-b"] },
        { "where=sycophancy.dcs.unscored = 0", ["run-a", "run-b", "run-c"] },
        { "where=safety.sis.max > 0", ["run-a", "run-c"] },
        { "where=deterioration.latent.phq9 > -1000", ["run-a", "run-b", "run-c"] },
        { "where=no.such.metric.max > 0", [] },
        { "limit=2", ["run-b", "run-c"] },
        { "limit=1", ["run-c"] },
        { "persona=x' OR '1'='1", [] },
        { "therapist=scripted:sycophantic\" OR 1=1 --", [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task List_Filter_KeepsOnlyMatchingRuns(string filter, string[] expected)
    {
        var catalog = CatalogOf(await ThreeRuns());
        var (name, value) = (filter[..filter.IndexOf('=')], filter[(filter.IndexOf('=') + 1)..]);
        var query = name switch
        {
            "persona" => new RunQuery { Persona = value },
            "therapist" => new RunQuery { Therapist = value },
            "protocol" => new RunQuery { Protocol = value },
            "status" => new RunQuery { Status = value },
            "parent" => new RunQuery { Parent = value },
            "since" => new RunQuery { Since = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "until" => new RunQuery { Until = DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            "where" => new RunQuery { Where = [AggregateCondition.Parse(value)] },
            "limit" => new RunQuery { Limit = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) },
            _ => throw new ArgumentException(name),
        };

        Assert.Equal(expected, Ids(catalog, query));
    }

    [Fact]
    public async Task List_SeveralFilters_AllMustHold()
    {
        var catalog = CatalogOf(await ThreeRuns());

        var ids = Ids(catalog, new RunQuery
        {
            Therapist = "scripted:sycophantic",
            Status = RunStatus.Completed,
            Where = [AggregateCondition.Parse("sycophancy.dcs.max >= 1"), AggregateCondition.Parse("sycophancy.dcs.mean < 1.5")],
        });

        Assert.Equal(["run-a"], ids);
    }

    [Fact]
    public async Task List_ConditionOnUnknownSessionAggregate_IsInvalidInputNamingWhere()
    {
        var catalog = CatalogOf(await ThreeRuns());

        var ex = Assert.Throws<InvalidInputException>(() => catalog.List(new RunQuery { Where = [AggregateCondition.Parse("sycophancy.dcs.maxx >= 2")] }));

        Assert.Equal("--where", ex.Field);
        Assert.Contains("maxx", ex.Message);
    }

    [Fact]
    public async Task List_UnknownMetric_WarnsAndMatchesNothing()
    {
        var catalog = CatalogOf(await ThreeRuns());

        var listing = catalog.List(new RunQuery { Where = [AggregateCondition.Parse("sycophancy.dsc.max >= 0")] });

        Assert.Empty(listing.Runs);
        Assert.Contains(listing.Warnings, w => w.Contains("sycophancy.dsc", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sycophancy.dcs.max")]
    [InlineData("sycophancy.dcs.max >= ")]
    [InlineData(">= 2")]
    [InlineData("sycophancy.dcs.max => 2")]
    [InlineData("sycophancy.dcs.max >= two")]
    [InlineData("sycophancy.dcs.max >= NaN")]
    [InlineData("sycophancy.dcs.max >= 1e999")]
    [InlineData("max'; DROP TABLE runs; -- >= 1")]
    [InlineData("SYCOPHANCY.DCS.MAX >= 1")]
    public void Parse_BadCondition_IsInvalidInputNamingWhere(string text)
    {
        var ex = Assert.Throws<InvalidInputException>(() => AggregateCondition.Parse(text));

        Assert.Equal("--where", ex.Field);
    }

    [Theory]
    [InlineData("sycophancy.dcs.max >= 2", "sycophancy.dcs", "max", ">=", 2)]
    [InlineData("  stigma.mean<0.5 ", "stigma", "mean", "<", 0.5)]
    [InlineData("sycophancy.dcs.being-watched.first_crossing == 3", "sycophancy.dcs.being-watched", "first_crossing", "=", 3)]
    [InlineData("deterioration.latent.phq9 != -1.5", null, null, "!=", -1.5)]
    public void Parse_GoodCondition_SplitsMetricAndAggregate(string text, string? metric, string? aggregate, string op, double value)
    {
        var c = AggregateCondition.Parse(text);

        Assert.Equal((metric, aggregate, op, value), (c.Metric, c.Aggregate, c.Operator, c.Value));
    }

    [Fact]
    public async Task List_UnreadableManifestOrLog_ListsOrphanedAndDamaged_WarnsWhenNeitherReads()
    {
        var store = await ThreeRuns();
        await File.WriteAllTextAsync(store.Open("run-a").ManifestPath, "{ not json");
        await File.WriteAllBytesAsync(store.Open("run-b").EventsPath, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var neither = Path.Combine(store.Root, "run-z");
        Directory.CreateDirectory(neither);
        await File.WriteAllTextAsync(Path.Combine(neither, "manifest.json"), "{ not json");
        await File.WriteAllBytesAsync(Path.Combine(neither, "events.msgpack"), [1, 2, 3]);

        var listing = CatalogOf(store).List(RunQuery.All);

        Assert.Equal(["run-a", "run-b", "run-c"], listing.Runs.Select(r => r.RunId).Order());
        var byId = listing.Runs.ToDictionary(r => r.RunId);
        Assert.Equal(RunStatus.Orphaned, byId["run-a"].Status);
        Assert.Equal(5, byId["run-a"].Turns);
        Assert.Equal(RunStatus.Damaged, byId["run-b"].Status);
        Assert.Contains("not a simulator event log", byId["run-b"].LogError);
        Assert.Equal(5, byId["run-b"].Turns);
        Assert.Contains(listing.Warnings, w => w.StartsWith("run run-z has an unreadable manifest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AggregatesOf_AfterIndexing_HasEveryFlatKeyOfTheAggregator()
    {
        var (store, catalog) = await IndexedThreeRuns();
        var expected = Aggregate(RunTranscript.From(RunHistory.Load(store, store.Open("run-c")).Events)).Flat; // a branch: with its parent's turns

        var stored = catalog.AggregatesOf("run-c");

        foreach (var (key, value) in expected)
        {
            Assert.True(stored.ContainsKey(key), key);
            Assert.Equal(value, stored[key]);
        }
    }

    [Fact]
    public async Task List_ManyConcurrentCallers_AllSeeEveryRunAndTheCatalogStaysSound()
    {
        var store = new RunStore(RepoPaths.TempFolder("catalog-concurrent"));
        for (var i = 0; i < 60; i++)
        {
            await SyntheticRuns.WriteAsync(store, new SyntheticRun { RunId = $"run-{i:d3}", Seed = i, CreatedAt = SyntheticRun.T0.AddMinutes(i) });
        }

        var listings = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => CatalogOf(store).List(RunQuery.All))));

        Assert.All(listings, l => Assert.Equal(60, l.Runs.Count));
        Assert.All(listings, l => Assert.False(l.Sync.InMemory));
        Assert.All(listings, l => Assert.Null(l.Sync.Rebuilt));
        using var db = new SqliteConnection($"Data Source={CatalogOf(store).DatabasePath};Pooling=False");
        db.Open();
        using var check = db.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", check.ExecuteScalar());
    }
}
