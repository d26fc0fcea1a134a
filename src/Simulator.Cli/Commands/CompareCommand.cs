using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Exports;
using Simulator.Engine.Hosting;
using Simulator.Engine.Studies.Analysis;
using Simulator.Monitoring;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator compare &lt;a&gt; &lt;b&gt;</c>: the first turn two runs differ at, and their metric curves side by side.</summary>
internal static class CompareCommand
{
    private static readonly string[] DefaultMetrics = [Metrics.Dcs, Metrics.Sis, Metrics.Hes, Metrics.RoleAdherence];

    public static Command Create(IServiceProvider services)
    {
        var a = new Argument<string>("a") { Description = "A run id, or its folder" };
        var b = new Argument<string>("b") { Description = "Another run id, or its folder" };
        var metrics = new Option<string?>("--metrics") { Description = $"Metrics to show, comma-separated (default: {string.Join(",", DefaultMetrics)})" };
        var from = new Option<int?>("--from") { Description = "First turn of the table (default: two before the first divergent turn)" };
        var rows = new Option<int>("--rows") { Description = "Turns in the table", DefaultValueFactory = _ => 40 };
        var layer = new Option<string?>("--layer") { Description = "Score layer to compare (default: all merged)" };
        var runs = RunsCommand.RunsFolderOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var command = new Command("compare", "Compare two runs (first divergent turn and metric curves side by side), or two studies of the same design (contrasts of B against A on every outcome)")
        {
            a, b, metrics, from, rows, layer, runs, json,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(() =>
        {
            var root = RunTarget.RunsRoot(services, parse, runs);
            var sourceA = ExportSource.Resolve(parse.GetValue(a)!, root, parse.GetValue(runs) is not null);
            var sourceB = ExportSource.Resolve(parse.GetValue(b)!, root, parse.GetValue(runs) is not null);
            LogFile.UseRunsFolder(sourceA.Store.Root);
            if (sourceA.Study is not null || sourceB.Study is not null)
            {
                return sourceA.Study is not null && sourceB.Study is not null
                    ? Studies(StudyComparison.Of(sourceA, sourceB, parse.GetValue(layer), cancellationToken), parse.GetValue(json))
                    : throw new InvalidInputException("compare takes two runs or two studies, not one of each", field: sourceA.Study is null ? "a" : "b");
            }

            var (idA, ta) = Load((sourceA.Store, sourceA.Runs[0]), parse.GetValue(layer));
            var (idB, tb) = Load((sourceB.Store, sourceB.Runs[0]), parse.GetValue(layer));
            var names = parse.GetValue(metrics) is { } list ? list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : DefaultMetrics;
            foreach (var name in names.Where(n => !Metrics.All.Contains(n)))
            {
                throw new InvalidInputException($"unknown metric '{name}' (known: {string.Join(", ", Metrics.All)})", field: "--metrics");
            }

            var comparison = RunComparison.Of(ta, tb);
            var turns = Math.Max(ta.Turns.Count, tb.Turns.Count);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    a = idA,
                    b = idB,
                    firstDivergentTurn = comparison.FirstDivergentTurn,
                    turns = new { a = ta.Turns.Count, b = tb.Turns.Count },
                    curves = names.ToDictionary(n => n, n => new { a = Curve(ta, n), b = Curve(tb, n) }),
                });
                return ExitCodes.Success;
            }

            var o = Console.Out;
            o.WriteLine($"A  {idA}  {Describe(ta)}");
            o.WriteLine($"B  {idB}  {Describe(tb)}");
            o.WriteLine(comparison.FirstDivergentTurn is { } d ? $"first divergent turn: {d}" : "the runs are the same turn by turn");
            var first = Math.Max(1, parse.GetValue(from) ?? ((comparison.FirstDivergentTurn ?? 1) - 2));
            var last = Math.Min(turns, first + Math.Max(1, parse.GetValue(rows)) - 1);
            o.WriteLine();
            // A column per metric, as wide as its name (at least two cells of 8): names are never cut.
            var widths = names.Select(n => Math.Max(17, n.Length)).ToArray();
            string Pair(int i, string left, string right) => left.PadLeft((widths[i] - 1) / 2) + " " + right.PadLeft(widths[i] - 1 - ((widths[i] - 1) / 2));
            o.WriteLine("turn  " + string.Join("  ", names.Select((n, i) => n.PadRight(widths[i]))));
            o.WriteLine("      " + string.Join("  ", names.Select((_, i) => Pair(i, "A", "B"))));
            for (var t = first; t <= last; t++)
            {
                var mark = t == comparison.FirstDivergentTurn ? ">" : " ";
                o.WriteLine($"{mark}{t,4} " + string.Join("  ", names.Select((n, i) => Pair(i, Cell(ta, t, n), Cell(tb, t, n)))));
            }

            if (last < turns)
            {
                o.WriteLine($"      … {turns - last} more turns (--from, --rows)");
            }

            var after = comparison.FirstDivergentTurn ?? 1;
            o.WriteLine();
            o.WriteLine($"mean from turn {after}: " + string.Join(", ", names.Select(n => $"{n} A {Mean(ta, n, after)} B {Mean(tb, n, after)}")));
            return ExitCodes.Success;
        }));
        return command;
    }

    private static (string Id, RunTranscript Transcript) Load((RunStore Store, RunFolder Folder) run, string? layer)
    {
        var (store, folder) = run;
        return (folder.RunId, LayerChoice.Apply(RunTranscript.From(RunHistory.Load(store, folder).Events), layer));
    }

    private static string Describe(RunTranscript t) => t.Configuration is { } c
        ? $"{c.Therapist} · {c.Protocol} · {c.Style}{(c.Guard ? " · guard" : "")} · {t.Turns.Count} turns"
        : $"{t.Turns.Count} turns";

    private static double?[] Curve(RunTranscript t, string metric) =>
        [.. t.Turns.Select(x => x.Metrics.TryGetValue(metric, out var v) ? v : (double?)null)];

    private static string Cell(RunTranscript t, int turn, string metric) =>
        turn > t.Turns.Count ? "" : t.Turns[turn - 1].Metrics.TryGetValue(metric, out var v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    private static string Mean(RunTranscript t, string metric, int from)
    {
        var values = t.Turns.Where(x => x.Turn >= from && x.Metrics.ContainsKey(metric)).Select(x => x.Metrics[metric]).ToList();
        return values.Count == 0 ? "—" : values.Average().ToString("0.##", CultureInfo.InvariantCulture);
    }

    private static int Studies(StudyComparison comparison, bool json)
    {
        if (json)
        {
            JsonOutput.Write(new
            {
                a = comparison.A,
                b = comparison.B,
                sharedConfigurations = comparison.Shared,
                onlyA = comparison.OnlyA,
                onlyB = comparison.OnlyB,
                contrasts = comparison.Contrasts.Select(StudyCommand.ContrastJson),
            });
            return ExitCodes.Success;
        }

        var o = Console.Out;
        o.WriteLine($"A  {comparison.A}");
        o.WriteLine($"B  {comparison.B}");
        o.WriteLine($"compared on the {comparison.Shared} configurations (persona, variant, therapist, style, protocol, guard) both ran{(comparison.OnlyA + comparison.OnlyB > 0 ? $"; left out {comparison.OnlyA} only in A and {comparison.OnlyB} only in B" : "")}");
        o.WriteLine();
        o.WriteLine("B − A (95% bootstrap interval over runs, * when it leaves out 0; g = Hedges' g; n = runs B/A):");
        o.WriteLine();
        foreach (var line in ContrastTable.Lines(comparison.Contrasts, [.. StudyOutcomes.Headline, .. comparison.Contrasts.Select(c => c.Outcome).Distinct().Where(x => !StudyOutcomes.Headline.Contains(x)).Order(StringComparer.Ordinal)]))
        {
            o.WriteLine("  " + line);
        }

        return ExitCodes.Success;
    }
}
