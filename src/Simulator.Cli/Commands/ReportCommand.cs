using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Validation;
using Simulator.Engine.Exports;
using Simulator.Engine.Hosting;
using Simulator.Engine.Reports;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator report &lt;run|study&gt; [--compare &lt;run&gt;] [--out DIR]</c>: a self-contained HTML
/// report (<c>index.html</c>, plots inline) with the plots as PNG and SVG beside it.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The report's folder inside the run's or study's folder, unless <c>--out</c> says otherwise.</summary>
    private const string DefaultFolder = "report";

    public static Command Create(IServiceProvider services)
    {
        var target = new Argument<string>("target") { Description = "Run id or folder, or a study folder (or a study's name in the runs folder)" };
        var compare = new Option<string?>("--compare") { Description = "A second run: report the two overlaid, the fork marked" };
        var output = new Option<string?>("--out") { Description = "The report's folder (default: report/ in the run's or study's folder, compare-<b>/ in run A's for --compare; replaced if it holds a report)" };
        var layer = new Option<string?>("--layer") { Description = "Score layer to report (a rater, rubric version, rescore-N, or recorded); default: all merged, newest first" };
        var runs = RunsCommand.RunsFolderOption();
        var json = new Option<bool>("--json") { Description = "Print one JSON object on standard output" };
        var baseline = StudyCommand.BaselineOption();
        var command = new Command("report", "Write an HTML report of a run, a study, or two runs compared")
        {
            target, compare, output, layer, runs, baseline, json,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(() =>
        {
            var source = ExportSource.Resolve(parse.GetValue(target)!, RunTarget.RunsRoot(services, parse, runs), parse.GetValue(runs) is not null);
            LogFile.UseRunsFolder(source.Store.Root);
            var layerName = parse.GetValue(layer);
            var outFolder = parse.GetValue(output) is { } given ? OutputPath.Replaced(given, "--out") : null;
            ReportResult result;
            if (parse.GetValue(compare) is { } other)
            {
                if (source.Study is not null)
                {
                    throw new InvalidInputException("--compare compares two runs: the target is a study folder", field: "--compare");
                }

                var (storeB, b) = RunTarget.Find(services, parse, runs, other);
                var a = source.Runs[0];
                result = ComparisonReport.Write(source.Store, a, storeB, b, layerName, outFolder ?? Path.Combine(a.Path, $"compare-{b.RunId}"));
            }
            else if (source.Study is not null)
            {
                var contrasts = new Engine.Studies.Analysis.ContrastOptions { Baselines = parse.GetValue(baseline) ?? [] };
                result = StudyReport.Write(source, layerName, outFolder ?? Path.Combine(source.Store.Root, DefaultFolder), contrasts, cancellationToken);
            }
            else
            {
                result = RunReport.Write(source.Store, source.Runs[0], layerName, outFolder ?? Path.Combine(source.Runs[0].Path, DefaultFolder));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { kind = result.Kind, path = result.Path, index = result.Index, plots = result.Plots, runs = result.Runs, files = result.Files.Count });
            }
            else
            {
                Console.Out.WriteLine($"Report ({result.Kind}, {result.Runs} run{(result.Runs == 1 ? "" : "s")}, {result.Plots} plots): {result.Index}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
