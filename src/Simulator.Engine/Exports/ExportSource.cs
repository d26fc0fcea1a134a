using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Studies;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Exports;

/// <summary>
/// What <c>export</c> reads: one run, or every run of a study folder (a folder with <c>study.json</c>,
/// given as a path or by its name in the runs folder) in the study's order.
/// </summary>
public sealed record ExportSource(RunStore Store, IReadOnlyList<RunFolder> Runs, string? Study)
{
    /// <summary>
    /// Finds <paramref name="target"/>: a study folder (a path, or a study's name in <paramref name="runsRoot"/>),
    /// else a run (<see cref="RunArgument.Find"/>: a run folder anywhere, or an id in <paramref name="runsRoot"/>).
    /// </summary>
    /// <param name="target">What the user named.</param>
    /// <param name="runsRoot">The runs folder names and ids are looked up in.</param>
    /// <param name="runsGiven">True when the user chose <paramref name="runsRoot"/> (<c>--runs</c>).</param>
    public static ExportSource Resolve(string target, string runsRoot, bool runsGiven = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var path in new[] { target, Path.Combine(runsRoot, target) })
        {
            var study = new StudyFolder(path);
            if (File.Exists(study.ManifestPath))
            {
                var manifest = study.ReadManifest()!;
                var store = study.Runs;
                var runs = manifest.RunIds.Where(id => RunStore.IsRunId(id) && File.Exists(Path.Combine(store.Root, id, "manifest.json"))).Select(store.Open).ToList();
                return runs.Count > 0 ? new ExportSource(store, runs, manifest.Name)
                    : throw new InvalidInputException("the study folder holds no runs yet", study.ManifestPath, field: "runIds");
            }
        }

        var (runsStore, run) = RunArgument.Find(target, runsRoot, runsGiven);
        return new ExportSource(runsStore, [run], null);
    }

    /// <summary>A run's transcript (a branch's with its parent's turns), with the score layer chosen.</summary>
    public RunTranscript Load(RunFolder run, string? layer) => LayerChoice.Apply(RunTranscript.From(RunHistory.Load(Store, run).Events), layer);
}
