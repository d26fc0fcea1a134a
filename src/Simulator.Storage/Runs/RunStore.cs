using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Simulator.Core.Validation;
using Simulator.Storage.Files;

namespace Simulator.Storage.Runs;

/// <summary>
/// The runs folder: one folder per run. Run ids and paths given by users are resolved strictly
/// inside it, so a run argument cannot reach other files.
/// </summary>
public sealed partial class RunStore(string root)
{
    /// <summary>
    /// How manifests are written: indented camelCase JSON. Read back, a null where the record
    /// declares none (<c>"configuration": null</c>) is an error, as saved runs are untrusted.
    /// </summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
    };

    /// <summary>The runs folder, absolute.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Creates the folder of a new run.</summary>
    public RunFolder Create(string runId)
    {
        if (!IsRunId(runId))
        {
            throw new ArgumentException($"'{runId}' is not a valid run id.", nameof(runId));
        }

        var folder = new RunFolder(runId, Path.Combine(Root, runId));
        if (Directory.Exists(folder.Path))
        {
            throw new IOException($"Run folder {folder.Path} already exists.");
        }

        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>
    /// Finds a run by id or by a path inside the runs folder. A path that leads elsewhere (<c>..</c>,
    /// an absolute path outside the folder) and a run folder or run file that is a symbolic link
    /// are refused: saved runs are untrusted input, and a run argument must not reach other files.
    /// </summary>
    public RunFolder Open(string idOrPath)
    {
        var folder = OpenFolder(idOrPath);
        if (!File.Exists(folder.ManifestPath))
        {
            throw File.Exists(folder.EventsPath) || File.Exists(folder.EventsPath + ".rewrite")
                ? new InvalidInputException(
                    $"run '{folder.RunId}' has no manifest.json (orphaned: killed as it started, or the manifest was removed); 'simulator runs repair {folder.RunId}' rebuilds it from its log",
                    folder.ManifestPath,
                    field: "run")
                : new InvalidInputException($"no run '{idOrPath}' in {Root}", field: "run");
        }

        return folder;
    }

    /// <summary>
    /// Finds a run folder as <see cref="Open"/> does, without requiring its manifest (for <c>runs repair</c>
    /// and recovering orphans): the folder must exist inside the runs folder and not be a link.
    /// </summary>
    public RunFolder OpenFolder(string idOrPath)
    {
        ArgumentNullException.ThrowIfNull(idOrPath);
        string full;
        try
        {
            full = IsRunId(idOrPath) ? Path.Combine(Root, idOrPath) : Path.GetFullPath(idOrPath);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{idOrPath}' is not a run id or a path", field: "run", inner: ex);
        }

        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full));
        if (!string.Equals(parent, Path.TrimEndingDirectorySeparator(Root), StringComparison.Ordinal))
        {
            throw new InvalidInputException($"'{idOrPath}' is not a run in the runs folder {Root} (use --runs to point at another)", field: "run");
        }

        var folder = new RunFolder(Path.GetFileName(Path.TrimEndingDirectorySeparator(full)), Path.TrimEndingDirectorySeparator(full));
        if (!IsRunId(folder.RunId) || !Directory.Exists(folder.Path))
        {
            throw new InvalidInputException($"no run '{idOrPath}' in {Root}", field: "run");
        }

        EnsureNoLinks(folder);
        return folder;
    }

    /// <summary>
    /// Refuses a run folder that is a symbolic link, or whose manifest or log is one: such a run
    /// could make the simulator read (or, resuming it, write) files outside the runs folder.
    /// </summary>
    /// <exception cref="InvalidInputException">The folder or one of its files is a link.</exception>
    public static void EnsureNoLinks(RunFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        foreach (var (info, what) in new (FileSystemInfo, string)[]
        {
            (new DirectoryInfo(folder.Path), "run folder"),
            (new FileInfo(folder.ManifestPath), "manifest"),
            (new FileInfo(folder.EventsPath), "event log"),
        })
        {
            if (info.LinkTarget is { } target)
            {
                throw new InvalidInputException($"the {what} is a symbolic link (to {target}); runs are read only from files inside the runs folder", info.FullName, field: "run");
            }
        }
    }

    /// <summary>
    /// The folders in the runs folder named like runs, by name; each may or may not hold a manifest.
    /// Symbolic links are listed too: reading them is refused (<see cref="EnsureNoLinks"/>), so they
    /// show up as unreadable runs rather than vanish.
    /// </summary>
    public IEnumerable<RunFolder> Folders()
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        foreach (var dir in Directory.EnumerateDirectories(Root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            if (IsRunId(name))
            {
                yield return new RunFolder(name, dir);
            }
        }
    }

    /// <summary>Every run folder with a readable manifest, oldest first, and the ones that could not be read.</summary>
    public (IReadOnlyList<(RunFolder Folder, RunManifest Manifest)> Runs, IReadOnlyList<string> Unreadable) List()
    {
        var runs = new List<(RunFolder, RunManifest)>();
        var unreadable = new List<string>();
        foreach (var folder in Folders())
        {
            if (!File.Exists(folder.ManifestPath))
            {
                continue;
            }

            try
            {
                EnsureNoLinks(folder);
                runs.Add((folder, ReadManifest(folder)));
            }
            catch (InvalidInputException)
            {
                unreadable.Add(folder.RunId);
            }
        }

        return (runs.OrderBy(r => r.Item2.CreatedAt).ThenBy(r => r.Item1.RunId, StringComparer.Ordinal).ToList(), unreadable);
    }

    /// <summary>Reads a run's manifest.</summary>
    public static RunManifest ReadManifest(RunFolder folder)
    {
        try
        {
            using var stream = File.OpenRead(folder.ManifestPath);
            if (stream.Length > 1 << 20)
            {
                throw new InvalidInputException("manifest is larger than 1 MiB", folder.ManifestPath);
            }

            return JsonSerializer.Deserialize<RunManifest>(stream, Json)
                ?? throw new InvalidInputException("manifest is empty", folder.ManifestPath);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"manifest is not valid: {ex.Message}", folder.ManifestPath, (int?)(ex.LineNumber + 1), ex.Path, ex);
        }
    }

    /// <summary>Writes a run's manifest atomically (<see cref="AtomicFile"/>).</summary>
    public static void WriteManifest(RunFolder folder, RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(folder);
        AtomicFile.WriteAllText(folder.ManifestPath, JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>True for names a run folder may have.</summary>
    public static bool IsRunId(string text) => RunIdPattern().IsMatch(text);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,119}$")]
    private static partial Regex RunIdPattern();
}
