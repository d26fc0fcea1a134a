using System.Globalization;
using Simulator.Core.Runs;
using Simulator.Core.Validation;
using Simulator.Engine.Studies;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Runs;
using Simulator.Tests.Shared;
using Xunit.Abstractions;

namespace Simulator.Engine.Tests;

/// <summary>
/// Personas and studies with one number made NaN, infinite, null, huge or out of range, a documented field
/// removed, or a number nudged within range: each is refused naming its file and line (and field, for
/// anything but a YAML syntax error), or accepted, and then a persona runs to a log that reads back whole
/// and a study expands within its limits. No accepted file makes a run that writes what its reader refuses.
/// The count is bounded for CI (SIMULATOR_FUZZ_DOCUMENTS overrides it; bench/RESULTS.md has a 1,000 run).
/// </summary>
public class FuzzedDocumentsTests(ITestOutputHelper output)
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("SIMULATOR_FUZZ_DOCUMENTS"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 60;

    private static readonly string[] Therapists = ["scripted:faithful", "scripted:sycophantic", "scripted:stigmatizing", "scripted:crisis-missing", "scripted:over-cautious", "scripted:drifting"];

    [Fact]
    public async Task FuzzedPersonas_AreRefusedNamingFileLineField_OrRunToALogThatReadsBack()
    {
        using var engine = new EngineFixture();
        var catalog = engine.Get<PersonaCatalog>();
        var store = new RunStore(engine.RunsRoot);
        var corpus = Directory.GetFiles(RepoPaths.Personas, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var random = new Random(20261209);
        var scratch = RepoPaths.TempFolder("fuzz-personas");
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var (text, what) = YamlMutations.Mutate(File.ReadAllText(source), random);
            var path = Path.Combine(scratch, i.ToString(CultureInfo.InvariantCulture), Path.GetFileName(source));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            string outcome;
            try
            {
                catalog.LoadFile(path);
                var result = await engine.Runs.RunAsync(new RunConfiguration { Persona = path, Therapist = Therapists[i % Therapists.Length], Turns = 25, Seed = i }, null, CancellationToken.None);
                Assert.True(result.Status == RunStatus.Completed, $"{what}: accepted, but the run ended {result.Status}: {result.Error}");
                Assert.Equal(25, RunHistory.Load(store, store.Open(result.RunId)).Events.OfType<Core.Events.StateStepped>().Count(s => s.Turn > 0));
                outcome = "accepted, ran 25 turns";
            }
            catch (InvalidInputException ex)
            {
                Refused(ex, path, what);
                outcome = "refused: " + (ex.Field ?? "syntax");
            }

            outcomes[$"{what.Split(':')[0].Split(' ')[0]} {outcome}"] = outcomes.GetValueOrDefault($"{what.Split(':')[0].Split(' ')[0]} {outcome}") + 1;
        }

        output.WriteLine(string.Join("\n", outcomes.Select(o => $"{o.Value,5}  {o.Key}")));
        Assert.Contains(outcomes.Keys, k => k.Contains("accepted", StringComparison.Ordinal));
        Assert.DoesNotContain(outcomes.Keys, k => k.StartsWith("nan accepted", StringComparison.Ordinal) || k.StartsWith("inf accepted", StringComparison.Ordinal));
    }

    [Fact]
    public void FuzzedStudies_AreRefusedNamingFileLineField_OrExpandWithinTheLimits()
    {
        using var engine = new EngineFixture();
        var catalog = engine.Get<StudyCatalog>();
        var runner = engine.Get<StudyRunner>();
        var corpus = Directory.GetFiles(RepoPaths.Studies, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var random = new Random(20261210);
        var scratch = RepoPaths.TempFolder("fuzz-studies");
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < Count; i++)
        {
            var source = corpus[random.Next(corpus.Count)];
            var (text, what) = YamlMutations.Mutate(File.ReadAllText(source), random);
            var path = Path.Combine(scratch, $"study-{i}.yaml");
            File.WriteAllText(path, text);
            try
            {
                var study = catalog.LoadFile(path);
                var jobs = runner.Expand(study, Core.Studies.StudyRules.DefaultMaxRuns);
                runner.Check(study, jobs);
                Assert.InRange(jobs.Count, 1, Core.Studies.StudyRules.DefaultMaxRuns);
                Assert.All(jobs, j => Assert.InRange(j.Configuration.Turns, 1, 100_000));
                Assert.InRange(study.Document.Concurrency ?? 1, 1, Core.Studies.StudyRules.MaxConcurrency);
                accepted++;
            }
            catch (InvalidInputException ex)
            {
                Refused(ex, path, what);
                refused++;
            }
        }

        output.WriteLine($"{accepted} accepted, {refused} refused");
        Assert.True(accepted > 0 && refused > 0, $"{accepted} accepted, {refused} refused");
    }

    /// <summary>A refusal names the file and line, and the field unless the YAML itself does not parse.</summary>
    private static void Refused(InvalidInputException ex, string path, string what)
    {
        Assert.True(ex.File == path, $"{what}: the error names {ex.File}, not the file: {ex.Message}");
        Assert.True(ex.Line is > 0, $"{what}: the error names no line: {ex.Message}");
        Assert.True(ex.Field is not null || ex.Message.Contains("syntax error", StringComparison.Ordinal), $"{what}: the error names no field: {ex.Message}");
    }
}
