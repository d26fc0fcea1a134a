using Simulator.Core.Events;
using Simulator.Core.Validation;
using Simulator.Storage.EventLog;

namespace Simulator.Storage.Runs;

/// <summary>
/// A run's events as one sequence: its own log, preceded for a branch by its parent's events up to
/// the fork (recursively: a branch of a branch reaches back to the root), which it references
/// rather than copies. The parent's later turns, its end and its rescoring layers are not part of it.
/// </summary>
public sealed record RunHistory(RunFolder Folder, RunManifest Manifest, LogContents Own, IReadOnlyList<RunEvent> Events, IReadOnlyList<string> Lineage)
{
    /// <summary>The most ancestors a branch may have (a guard against cycles in hostile manifests).</summary>
    public const int MaxDepth = 256;

    /// <summary>The fork this run starts from, if it is a branch.</summary>
    public BranchStarted? Fork => Own.Events.OfType<BranchStarted>().FirstOrDefault();

    /// <summary>Reads <paramref name="folder"/>'s log and its ancestors' from <paramref name="store"/>.</summary>
    public static RunHistory Load(RunStore store, RunFolder folder) => Load(store, folder, RunStore.ReadManifest(folder), [], null);

    /// <summary>
    /// The history of <paramref name="folder"/> with <paramref name="manifest"/> and its own log already read as
    /// <paramref name="own"/> (a salvaging read, or a manifest rebuilt from the log); its ancestors are read from <paramref name="store"/>.
    /// </summary>
    public static RunHistory Load(RunStore store, RunFolder folder, RunManifest manifest, LogContents own) => Load(store, folder, manifest, [], own);

    /// <summary>The events of <paramref name="events"/> a branch forking at <paramref name="turn"/> takes from its parent.</summary>
    public static IEnumerable<RunEvent> Prefix(IEnumerable<RunEvent> events, int turn) =>
        events.Where(e => e.Turn <= turn && e is not RunEnded && e.Lane != RunEvent.RescoreLane);

    private static RunHistory Load(RunStore store, RunFolder folder, RunManifest manifest, List<string> descendants, LogContents? read)
    {
        var own = read ?? EventLogReader.Read(folder.EventsPath);
        if (manifest.ParentRunId is not { } parentId)
        {
            return new RunHistory(folder, manifest, own, own.Events, [folder.RunId]);
        }

        if (descendants.Contains(parentId, StringComparer.Ordinal) || parentId == folder.RunId || descendants.Count >= MaxDepth)
        {
            throw new InvalidInputException($"the branch's ancestry loops or is deeper than {MaxDepth} runs", folder.ManifestPath, field: "parentRunId");
        }

        var fork = manifest.ParentTurn ?? throw new InvalidInputException("a branch needs the turn it forks at", folder.ManifestPath, field: "parentTurn");
        RunFolder parentFolder;
        try
        {
            parentFolder = store.Open(parentId);
        }
        catch (InvalidInputException ex)
        {
            throw new InvalidInputException($"the branch's parent run '{parentId}' is not in {store.Root}", folder.ManifestPath, field: "parentRunId", inner: ex);
        }

        var parent = Load(store, parentFolder, RunStore.ReadManifest(parentFolder), [.. descendants, folder.RunId], null);
        return new RunHistory(folder, manifest, own, [.. Prefix(parent.Events, fork), .. own.Events], [.. parent.Lineage, folder.RunId]);
    }
}
