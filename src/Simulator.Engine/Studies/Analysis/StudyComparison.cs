using Simulator.Core.Validation;
using Simulator.Engine.Exports;
using Simulator.Storage.Runs;

namespace Simulator.Engine.Studies.Analysis;

/// <summary>
/// Two studies of the same design compared (<c>compare &lt;study&gt; &lt;study&gt;</c>): the study is
/// the factor, B's level against A's, on every outcome, within each configuration (persona, variant,
/// therapist, style, protocol, guard) both ran, their seeds the replicates — the contrasts of
/// <see cref="ContrastAnalysis"/> across the two folders.
/// </summary>
/// <param name="A">The first study's name (the baseline).</param>
/// <param name="B">The second study's name.</param>
/// <param name="Shared">Configurations both studies ran.</param>
/// <param name="OnlyA">Configurations only A ran (left out).</param>
/// <param name="OnlyB">Configurations only B ran (left out).</param>
/// <param name="Contrasts">B against A on every outcome.</param>
public sealed record StudyComparison(string A, string B, int Shared, int OnlyA, int OnlyB, IReadOnlyList<Contrast> Contrasts)
{
    /// <summary>The factor two studies are compared on.</summary>
    public const string Factor = "study";

    /// <summary>Compares the complete runs of study <paramref name="a"/> and study <paramref name="b"/>.</summary>
    /// <exception cref="InvalidInputException">The studies share no configuration.</exception>
    public static StudyComparison Of(ExportSource a, ExportSource b, string? layer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (nameA, nameB) = Names(a, b);
        var runsA = Observations(a, layer, nameA, cancellationToken);
        var runsB = Observations(b, layer, nameB, cancellationToken);
        var cellsA = runsA.Select(Cell).ToHashSet(StringComparer.Ordinal);
        var cellsB = runsB.Select(Cell).ToHashSet(StringComparer.Ordinal);
        var shared = cellsA.Intersect(cellsB, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (shared.Count == 0)
        {
            throw new InvalidInputException(
                $"the studies share no configuration (persona, variant, therapist, style, protocol, guard) with a complete run: '{nameA}' and '{nameB}' are not the same design",
                field: "b");
        }

        var runs = runsA.Concat(runsB).Where(r => shared.Contains(Cell(r))).ToList();
        var contrasts = ContrastAnalysis.Of(runs, [Factor], [Factor, .. StudyFactors.All], new ContrastOptions { Baselines = [nameA] });
        return new StudyComparison(nameA, nameB, shared.Count, cellsA.Count - shared.Count, cellsB.Count - shared.Count, contrasts);
    }

    private static (string A, string B) Names(ExportSource a, ExportSource b)
    {
        var (nameA, nameB) = (a.Study ?? Path.GetFileName(a.Store.Root), b.Study ?? Path.GetFileName(b.Store.Root));
        if (nameA == nameB)
        {
            (nameA, nameB) = (Path.GetFileName(a.Store.Root), Path.GetFileName(b.Store.Root));
        }

        return nameA == nameB ? ("A: " + nameA, "B: " + nameB) : (nameA, nameB);
    }

    private static List<RunObservation> Observations(ExportSource source, string? layer, string name, CancellationToken cancellationToken)
    {
        var observations = new List<RunObservation>();
        foreach (var run in source.Runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (RunStore.ReadManifest(run).Status != RunStatus.Completed)
            {
                continue;
            }

            var transcript = source.Load(run, layer);
            if (transcript.Configuration is not null)
            {
                observations.Add(RunObservation.Of(run.RunId, transcript).With(Factor, name));
            }
        }

        return observations;
    }

    private static string Cell(RunObservation run) => string.Join('\u001f', StudyFactors.All.Select(f => run.Levels.GetValueOrDefault(f) ?? ""));
}
