using Simulator.Core.Validation;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;
using Simulator.Storage.Tests.Catalog;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

/// <summary>Run arguments and run folders are untrusted: nothing reaches files outside the runs folder.</summary>
public class RunStoreTests
{
    private static async Task<(RunStore Store, string Outside)> StoreWithARunAndAnOutsideRun()
    {
        var root = RepoPaths.TempFolder("store");
        var store = new RunStore(Path.Combine(root, "runs"));
        await SyntheticRuns.WriteAsync(store, new SyntheticRun { RunId = "run-a" });
        var outside = new RunStore(Path.Combine(root, "elsewhere"));
        await SyntheticRuns.WriteAsync(outside, new SyntheticRun { RunId = "secret" });
        return (store, Path.Combine(outside.Root, "secret"));
    }

    [Theory]
    [InlineData("{root}/../elsewhere/secret")]
    [InlineData("{root}/run-a/../../elsewhere/secret")]
    [InlineData("{root}/..")]
    [InlineData("{root}/run-a/manifest.json")]
    [InlineData("../elsewhere/secret")]
    [InlineData("..")]
    [InlineData("/etc")]
    [InlineData("/")]
    [InlineData("")]
    [InlineData("RUN-A")]
    [InlineData("run-a\0")]
    public async Task Open_PathOutsideTheRunsFolderOrNotARun_IsInvalidInput(string argument)
    {
        var (store, _) = await StoreWithARunAndAnOutsideRun();

        var ex = Assert.Throws<InvalidInputException>(() => store.Open(argument.Replace("{root}", store.Root, StringComparison.Ordinal)));

        Assert.Equal("run", ex.Field);
    }

    [Fact]
    public async Task Open_AbsolutePathOfARunElsewhere_IsInvalidInput()
    {
        var (store, outside) = await StoreWithARunAndAnOutsideRun();

        var ex = Assert.Throws<InvalidInputException>(() => store.Open(outside));

        Assert.Contains("is not a run in the runs folder", ex.Message);
    }

    [Fact]
    public async Task Open_IdOrPathInside_FindsTheRun()
    {
        var (store, _) = await StoreWithARunAndAnOutsideRun();

        Assert.Equal("run-a", store.Open("run-a").RunId);
        Assert.Equal("run-a", store.Open(Path.Combine(store.Root, "run-a") + "/").RunId);
    }

    [Fact]
    public async Task Open_RunFolderThatIsALinkToElsewhere_IsRefused()
    {
        var (store, outside) = await StoreWithARunAndAnOutsideRun();
        Directory.CreateSymbolicLink(Path.Combine(store.Root, "linked"), outside);

        var ex = Assert.Throws<InvalidInputException>(() => store.Open("linked"));

        Assert.Contains("symbolic link", ex.Message);
    }

    [Theory]
    [InlineData("events.msgpack")]
    [InlineData("manifest.json")]
    public async Task Open_RunFileThatIsALinkToElsewhere_IsRefused(string file)
    {
        var (store, outside) = await StoreWithARunAndAnOutsideRun();
        var run = Path.Combine(store.Root, "run-a", file);
        File.Delete(run);
        File.CreateSymbolicLink(run, Path.Combine(outside, file));

        var ex = Assert.Throws<InvalidInputException>(() => store.Open("run-a"));

        Assert.Contains("symbolic link", ex.Message);
    }

    [Fact]
    public async Task Catalog_RunFolderThatIsALink_IsListedAsUnreadableNotRead()
    {
        var (store, outside) = await StoreWithARunAndAnOutsideRun();
        Directory.CreateSymbolicLink(Path.Combine(store.Root, "linked"), outside);

        var listing = new RunCatalog(store, _ => RunAggregates.None).List(RunQuery.All);

        Assert.Equal(["run-a"], listing.Runs.Select(r => r.RunId));
        Assert.Contains(listing.Warnings, w => w.Contains("linked", StringComparison.Ordinal) && w.Contains("symbolic link", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"configuration\": null")]
    [InlineData("\"status\": null")]
    [InlineData("\"runId\": null")]
    public async Task ReadManifest_NullWhereTheRecordDeclaresNone_IsInvalidInput(string edit)
    {
        var (store, _) = await StoreWithARunAndAnOutsideRun();
        var folder = store.Open("run-a");
        var json = await File.ReadAllTextAsync(folder.ManifestPath);
        var field = edit[..edit.IndexOf(':', StringComparison.Ordinal)];
        var start = json.IndexOf(field, StringComparison.Ordinal);
        var end = field == "\"configuration\"" ? json.IndexOf('}', start) + 1 : json.IndexOf('\n', start) - 1;
        await File.WriteAllTextAsync(folder.ManifestPath, json[..start] + edit + json[end..]);

        var ex = Assert.Throws<InvalidInputException>(() => RunStore.ReadManifest(folder));

        Assert.Equal(folder.ManifestPath, ex.File);
    }
}
