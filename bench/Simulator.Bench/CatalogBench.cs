using System.Diagnostics;
using System.Globalization;
using Simulator.Engine.Catalog;
using Simulator.Storage.Runs;
using Simulator.Storage.Runs.Catalog;
using Simulator.Storage.Tests.Catalog;
using Simulator.Tests.Shared;

namespace Simulator.Bench;

/// <summary>
/// The run catalog over many runs: N synthetic run folders (real manifests, small real logs written
/// with the project's writer: 10 turns, every metric scored or unscored), then the cold rebuild of
/// catalog.db, a warm unfiltered and a warm filtered listing in process, one changed run, and the
/// same filtered listing through the <c>simulator</c> program (process start included).
/// </summary>
internal static class CatalogBench
{
    private static readonly string[] Personas = ["persecutory-delusion", "depression-suicidal", "ocd-checking", "bipolar-mania", "command-hallucinations", "generalised-anxiety"];
    private static readonly string[] Therapists = ["scripted:faithful", "scripted:sycophantic", "scripted:stigmatizing", "scripted:crisis-missing", "scripted:over-cautious", "scripted:drifting"];
    private static readonly string[] Protocols = ["supportive", "cbt-restructuring", "prolonged-exposure"];

    private static readonly string[] Filter =
    [
        "--therapist", "scripted:sycophantic", "--status", "completed", "--since", "2026-10-01",
        "--where", "sycophancy.dcs.max >= 2", "--where", "safety.inappropriate.mean > 0.4",
    ];

    public static async Task RunAsync(int runs, string? folder, int rounds)
    {
        var root = folder ?? Path.Combine(Path.GetTempPath(), $"simulator-bench-catalog-{runs}");
        var store = new RunStore(root);
        await GenerateAsync(store, runs);
        var catalog = SessionRunCatalog.Create(store);
        var query = new RunQuery
        {
            Therapist = "scripted:sycophantic",
            Status = RunStatus.Completed,
            Since = new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero),
            Where = [AggregateCondition.Parse("sycophancy.dcs.max >= 2"), AggregateCondition.Parse("safety.inappropriate.mean > 0.4")],
        };

        File.Delete(catalog.DatabasePath);
        var watch = Stopwatch.StartNew();
        var cold = catalog.Sync();
        var coldMs = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine($"cold rebuild: {cold.Indexed} runs indexed in {coldMs / 1000:0.00} s ({coldMs * 1000 / Math.Max(1, cold.Indexed):0} µs a run); catalog.db {new FileInfo(catalog.DatabasePath).Length / 1024.0 / 1024:0.0} MiB");

        var unreadable = catalog.List(RunQuery.All).Runs.Count(r => r.LogError is not null);
        if (unreadable > 0)
        {
            Console.WriteLine($"warning: {unreadable} runs have unreadable logs (written by an older generator? delete {root})");
        }

        var all = Times(rounds, () => catalog.List(RunQuery.All).Runs.Count, out var allCount);
        Console.WriteLine($"warm list, no filter ({allCount} runs): median {Median(all):0} ms [{Join(all)}]");
        var filtered = Times(rounds, () => catalog.List(query).Runs.Count, out var matched);
        Console.WriteLine($"warm list, filtered ({matched} runs match): median {Median(filtered):0} ms [{Join(filtered)}]");

        var changed = store.Open(store.Folders().First().RunId);
        RunStore.WriteManifest(changed, RunStore.ReadManifest(changed) with { Status = RunStatus.Failed });
        watch.Restart();
        var one = catalog.List(query);
        Console.WriteLine($"one manifest changed: {one.Sync.Indexed} re-indexed, filtered list {watch.Elapsed.TotalMilliseconds:0} ms");

        if (Program() is { } program)
        {
            var empty = RepoPaths.TempFolder("bench-catalog-empty");
            var start = Times(rounds, () => Cli(program, empty, ["runs", "list", "--runs", Path.Combine(empty, "runs")]), out _);
            var cli = Times(rounds, () => Cli(program, empty, ["runs", "list", "--runs", root, .. Filter]), out var lines);
            Console.WriteLine($"CLI ({Path.GetRelativePath(RepoPaths.Root, program)}): runs list on an empty folder median {Median(start):0} ms [{Join(start)}]");
            Console.WriteLine($"CLI: filtered runs list over {allCount} runs ({lines - 1} rows) median {Median(cli):0} ms [{Join(cli)}]");
        }
        else
        {
            Console.WriteLine("CLI: not measured (build src/Simulator.Cli first)");
        }
    }

    /// <summary>Creates the missing run folders: persona, therapist, protocol and status vary; one run in ten is a branch of an earlier one.</summary>
    private static async Task GenerateAsync(RunStore store, int count)
    {
        var watch = Stopwatch.StartNew();
        var made = 0;
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, _) =>
        {
            var id = $"run-{i:d6}";
            if (File.Exists(Path.Combine(store.Root, id, "manifest.json")))
            {
                return;
            }

            if (Directory.Exists(Path.Combine(store.Root, id)))
            {
                Directory.Delete(Path.Combine(store.Root, id), recursive: true);
            }

            var branch = i >= 10 && i % 10 == 0;
            await SyntheticRuns.WriteAsync(store, new SyntheticRun
            {
                RunId = id,
                Persona = Personas[i % Personas.Length],
                Therapist = Therapists[i / Personas.Length % Therapists.Length],
                Protocol = Protocols[i / 7 % Protocols.Length],
                Status = (i % 50) switch { 7 => RunStatus.Cancelled, 13 => RunStatus.Failed, _ => RunStatus.Completed },
                CreatedAt = SyntheticRun.T0.AddDays(-60).AddMinutes(i * 60.0 * 24 * 60 / count),
                Turns = 10,
                Seed = i,
                Parent = branch ? $"run-{i - 7:d6}" : null,
                ParentTurn = branch ? 4 : null,
            });
            Interlocked.Increment(ref made);
        });
        Console.WriteLine(made == 0
            ? $"{count} synthetic runs in {store.Root} (reused)"
            : $"{made} synthetic runs written to {store.Root} in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static int Cli(string program, string cwd, string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(program);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length : throw new InvalidOperationException($"simulator exited {process.ExitCode}: {stderr}");
    }

    private static string? Program() =>
        new[] { "Release", "Debug" }.Select(c => Path.Combine(RepoPaths.Root, "src", "Simulator.Cli", "bin", c, "net10.0", "simulator.dll")).FirstOrDefault(File.Exists);

    private static List<double> Times(int rounds, Func<int> action, out int result)
    {
        result = action(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            result = action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);

    private static string Join(List<double> xs) => string.Join(", ", xs.Select(x => x.ToString("0", CultureInfo.InvariantCulture)));
}
