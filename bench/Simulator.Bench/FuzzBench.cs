using System.Diagnostics;
using System.Text.Json;
using Simulator.Core.Events;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;
using Simulator.Reports.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Exports;
using Simulator.Storage.Tests.Fuzzing;
using Simulator.Tests.Shared;

namespace Simulator.Bench;

/// <summary>
/// <c>fuzz log|persona --inputs N --seed S [--save DIR]</c>: the fuzzers of the Storage tests at
/// full length, with everything <c>runs show</c> and <c>export</c> do with an accepted log. Prints
/// the outcome classes; saves the first input of each crash kind under DIR.
/// </summary>
internal static class FuzzBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Run(string target, int inputs, ulong seed, string? save)
    {
        if (target == "damage")
        {
            Damage(inputs, seed);
            return;
        }

        var watch = Stopwatch.StartNew();
        var report = target switch
        {
            "log" => LogFuzzer.Run(inputs, seed, Consume),
            "persona" => PersonaFuzzer.Run(inputs, seed, RepoPaths.Personas, Path.Combine(Path.GetTempPath(), $"simulator-fuzz-persona-{Environment.ProcessId}")),
            _ => throw new ArgumentException($"fuzz what? 'log' or 'persona', not '{target}'"),
        };
        Console.WriteLine($"fuzz {target}: seed {seed}, {watch.Elapsed.TotalSeconds:0.0} s ({inputs / watch.Elapsed.TotalSeconds:0} inputs/s)");
        Console.WriteLine(report.Describe());
        if (save is not null && report.CrashExamples.Count > 0)
        {
            Directory.CreateDirectory(save);
            var n = 0;
            foreach (var (kind, (input, _, mutation)) in report.CrashExamples)
            {
                var file = Path.Combine(save, $"{target}-crash-{++n}-{mutation}{(target == "log" ? ".msgpack" : ".yaml")}");
                File.WriteAllBytes(file, input);
                Console.WriteLine($"saved {file}: {kind}");
            }
        }
    }

    /// <summary>
    /// <c>fuzz damage</c>: <see cref="DamageCheck"/> over <paramref name="inputs"/> random faults of every kind on the
    /// 300-turn log; prints the outcomes per kind and every violation (a turn lost, a rewrite without a backup, a crash).
    /// </summary>
    private static void Damage(int inputs, ulong seed)
    {
        var watch = Stopwatch.StartNew();
        var random = new Simulator.Core.Randomness.SeededRandom(seed);
        var scratch = Path.Combine(Path.GetTempPath(), $"simulator-fuzz-damage-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var violations = new List<string>();
        for (var i = 0; i < inputs; i++)
        {
            var fault = new Simulator.Storage.Tests.Damage.LogFault(
                Simulator.Storage.Tests.Damage.LogFault.Kinds[i % Simulator.Storage.Tests.Damage.LogFault.Kinds.Length], random.Next(1_000_000), random.Next(1_000_000), random.Next(1_000_000));
            string outcome;
            try
            {
                outcome = Simulator.Storage.Tests.Damage.DamageCheck.Check(fault, scratch);
            }
            catch (Exception ex)
            {
                outcome = "VIOLATION";
                violations.Add(ex.Message);
            }

            var key = $"{fault.Kind,-16} {outcome}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
        }

        Console.WriteLine($"fuzz damage: seed {seed}, {inputs} faults on a {Simulator.Storage.Tests.Damage.DamageCheck.Original.Log.Length:N0}-byte log of {Simulator.Storage.Tests.Damage.DamageCheck.Original.Frames.Count} frames, {watch.Elapsed.TotalSeconds:0.0} s");
        foreach (var (key, count) in outcomes)
        {
            Console.WriteLine($"  {count,7}  {key}");
        }

        Console.WriteLine($"  violations: {violations.Count}");
        foreach (var v in violations.Distinct().Take(20))
        {
            Console.WriteLine($"    {v}");
        }
    }

    /// <summary>What <c>runs show</c> (text and JSON) and <c>export</c> (jsonl and md) do with a log's events.</summary>
    private static void Consume(IReadOnlyList<RunEvent> events)
    {
        var transcript = RunTranscript.From(events);
        var usage = RoleUsage.Of(events);
        var aggregates = SessionAggregates.Of(transcript);
        var panel = PanelAgreement.Of(transcript);
        var probes = events.OfType<ProbeAnswered>().GroupBy(p => Agents.Probes.Probe.KindOf(p.Probe)).ToDictionary(g => g.Key, g => g.Count());
        _ = JsonSerializer.Serialize(new { aggregates = aggregates.Flat, reasons = aggregates.Reasons, panel, probes, usage, alerts = events.OfType<AlertRaised>().GroupBy(a => a.Metric).ToDictionary(g => g.Key, g => g.Count()) }, Json);
        _ = string.Join('\n', aggregates.Metrics.Values.Select(m => $"{m.Metric} {m.Stats.Mean:0.00} {m.Stats.Slope:0.000} {m.FirstChangePoint?.AlarmTurn}"));
        JsonlExporter.WriteAsync("fuzz", transcript, TextWriter.Null, CancellationToken.None).GetAwaiter().GetResult();
        _ = MarkdownTranscript.Render("fuzz", transcript);
        _ = ContentHash.Of(events, EventSerializer.Serialize);
    }
}
