using Simulator.Core.Validation;

namespace Simulator.Storage.Runs;

/// <summary>
/// Finds the run a user named on the command line. A path is the user's intent: any run folder
/// (a folder holding <c>manifest.json</c>) is accepted wherever it is, and the folder it is in is
/// its runs folder (where a branch's parent is looked up and a new branch is written). A bare run id
/// is looked up in the runs folder (<c>--runs</c>, or the configured one), then, when that folder
/// does not hold it and no <c>--runs</c> was given, in the working folder. The strict check of
/// <see cref="RunStore.Open"/> (ids only, inside the runs folder, no links) still applies to every
/// id read from a saved file, such as a branch's parent in its manifest.
/// </summary>
public static class RunArgument
{
    /// <summary>The run <paramref name="argument"/> names, and the runs folder it belongs to.</summary>
    /// <param name="argument">A run id, or a path to a run folder (or to its manifest, log or transcript).</param>
    /// <param name="runsRoot">The runs folder ids are looked up in.</param>
    /// <param name="runsGiven">True when the user chose <paramref name="runsRoot"/> (<c>--runs</c>): an id is then looked up there only.</param>
    /// <param name="withoutManifest">True to accept a run folder whose manifest is missing (an orphan that holds a log), for commands that recover it.</param>
    /// <exception cref="InvalidInputException">No run folder is there.</exception>
    public static (RunStore Store, RunFolder Folder) Find(string argument, string runsRoot, bool runsGiven, bool withoutManifest = false)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(runsRoot);
        if (RunStore.IsRunId(argument))
        {
            var store = new RunStore(runsRoot);
            if (runsGiven || IsRunFolder(Path.Combine(store.Root, argument), withoutManifest) || !IsRunFolder(argument, withoutManifest))
            {
                return (store, withoutManifest ? store.OpenFolder(argument) : store.Open(argument));
            }
        }

        return AtPath(argument, withoutManifest);
    }

    /// <summary>The run folder at <paramref name="path"/> (a link to one is followed), with its parent as the runs folder.</summary>
    /// <exception cref="InvalidInputException">No run folder is there.</exception>
    public static (RunStore Store, RunFolder Folder) AtPath(string path, bool withoutManifest = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full;
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{path}' is not a run id or a path", field: "run", inner: ex);
        }

        if (File.Exists(full) && Path.GetFileName(full) is "manifest.json" or "events.msgpack" or "transcript.md")
        {
            full = Path.GetDirectoryName(full)!;
        }

        if (!Directory.Exists(full))
        {
            throw new InvalidInputException($"no run '{path}': there is no such folder (a run is given by its folder, or by its id with --runs for the folder it is in)", field: "run");
        }

        // A link the user typed is their intent: follow it, so the run's own files are read where they are.
        if (new DirectoryInfo(full).LinkTarget is not null && Directory.ResolveLinkTarget(full, returnFinalTarget: true) is { } target)
        {
            full = Path.TrimEndingDirectorySeparator(target.FullName);
        }

        if (!IsRunFolder(full, withoutManifest))
        {
            throw new InvalidInputException($"'{path}' is not a run folder: it has no manifest.json", full, field: "run");
        }

        var name = Path.GetFileName(full);
        var parent = Path.GetDirectoryName(full);
        if (!RunStore.IsRunId(name) || parent is null)
        {
            throw new InvalidInputException($"'{name}' is not a run folder's name (lower-case letters, digits and '-', as the simulator names them)", full, field: "run");
        }

        var store = new RunStore(parent);
        return (store, withoutManifest ? store.OpenFolder(name) : store.Open(name));
    }

    /// <summary>True when <paramref name="path"/> holds a manifest, or (<paramref name="withoutManifest"/>) at least a log.</summary>
    private static bool IsRunFolder(string path, bool withoutManifest) =>
        File.Exists(Path.Combine(path, "manifest.json"))
        || (withoutManifest && (File.Exists(Path.Combine(path, "events.msgpack")) || File.Exists(Path.Combine(path, "events.msgpack.rewrite"))));
}
