using System.Text.Json;
using Simulator.Core.Validation;
using Simulator.Storage.Files;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Studies;

/// <summary>
/// A study's output folder: a runs folder (each run a folder inside, named by <c>StudyMatrix</c>)
/// with the study's own files beside the runs — <c>study.json</c> (what was run, and how it ended),
/// <c>summary.csv</c>, <c>scorecard.csv</c> and <c>scorecard.md</c>. Files are replaced atomically.
/// </summary>
public sealed class StudyFolder(string path)
{
    /// <summary>The folder, absolute.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The runs inside it.</summary>
    public RunStore Runs => new(Path);

    /// <summary><c>study.json</c>.</summary>
    public string ManifestPath => System.IO.Path.Combine(Path, "study.json");

    /// <summary><c>summary.csv</c>: one row per run.</summary>
    public string SummaryPath => System.IO.Path.Combine(Path, "summary.csv");

    /// <summary><c>scorecard.csv</c>: one row per therapist and axis.</summary>
    public string ScorecardPath => System.IO.Path.Combine(Path, "scorecard.csv");

    /// <summary><c>scorecard.md</c>: the scorecard as a table.</summary>
    public string ScorecardTablePath => System.IO.Path.Combine(Path, "scorecard.md");

    /// <summary><c>contrasts.csv</c>: each factor's levels against its baseline, per outcome.</summary>
    public string ContrastsPath => System.IO.Path.Combine(Path, "contrasts.csv");

    /// <summary>True when the folder holds a study or any run.</summary>
    public bool IsUsed => File.Exists(ManifestPath) || Runs.List().Runs.Count > 0;

    /// <summary>The folder's <c>study.json</c>, or null when there is none.</summary>
    public StudyManifest? ReadManifest()
    {
        if (!File.Exists(ManifestPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StudyManifest>(File.ReadAllText(ManifestPath), RunStore.Json)
                ?? throw new InvalidInputException("study.json is empty", ManifestPath);
        }
        catch (JsonException ex)
        {
            throw new InvalidInputException($"study.json is not valid: {ex.Message}", ManifestPath, (int?)(ex.LineNumber + 1), ex.Path, ex);
        }
    }

    /// <summary>Writes <c>study.json</c>.</summary>
    public void Write(StudyManifest manifest) => AtomicFile.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, RunStore.Json));
}

/// <summary><c>study.json</c>: the study as run, where its file was, and how the last attempt ended.</summary>
public sealed record StudyManifest
{
    /// <summary>The study's name.</summary>
    public string Name { get; init; } = "";

    /// <summary>The study file, absolute.</summary>
    public string File { get; init; } = "";

    /// <summary>SHA-256 of the study file when last run.</summary>
    public string FileHash { get; init; } = "";

    /// <summary>When the study was first started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this file was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary><c>running</c>, <c>completed</c>, <c>cancelled</c> or <c>failed</c> (some runs failed).</summary>
    public string Status { get; init; } = RunStatus.Running;

    /// <summary>Runs in the study.</summary>
    public int Runs { get; init; }

    /// <summary>Runs complete.</summary>
    public int Completed { get; init; }

    /// <summary>Runs that failed or were cancelled.</summary>
    public int Incomplete { get; init; }

    /// <summary>The run folders, in the study's order.</summary>
    public IReadOnlyList<string> RunIds { get; init; } = [];
}
