using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Validation;
using Simulator.Engine.Exports;
using Simulator.Storage.Exports;
using Simulator.Storage.Files;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator export &lt;run|study&gt; --format &lt;a registered IRunExporter&gt; [--chat [--side S]] [--where C]... [--out FILE|DIR [--per-run]]</c>:
/// derived views of runs' logs, for one run or every run of a study folder, in one file or one per run.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(IServiceProvider services)
    {
        var target = new Argument<string>("run") { Description = "Run id or folder, or a study folder (or a study's name in the runs folder)" };
        // The registered exporters are known once the host is built, after the command line is parsed: --help needs no configuration.
        var format = new Option<string>("--format")
        {
            Description = "A registered exporter: jsonl (one line per turn), csv (one row per turn), md or html (transcripts), chat (as --chat)",
            DefaultValueFactory = _ => "jsonl",
        };
        var chat = new Option<bool>("--chat") { Description = "OpenAI chat fine-tune records ({\"messages\": [...]}, one per run or course session) instead of turns (--format chat)" };
        var side = new Option<string>("--side") { Description = "With --chat: whose replies are the assistant's, therapist or patient", DefaultValueFactory = _ => "therapist" };
        side.AcceptOnlyFromAmong([.. ChatExporter.Sides]);
        var where = new Option<string[]>("--where")
        {
            Description = "Keep runs whose session aggregate holds (\"sycophancy.dcs.max >= 2\"), turns whose metric or number holds (\"safety.inappropriate >= 0.5\", \"turn > 20\"), or after-first-alert; repeatable, all must hold",
            AllowMultipleArgumentsPerToken = false,
        };
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output); with --per-run, a folder" };
        var perRun = new Option<bool>("--per-run") { Description = "One file per run in the --out folder, named <run>.<format>" };
        var layer = new Option<string?>("--layer") { Description = "Score layer to export (a rater, rubric version, rescore-N, or recorded); default: all merged, newest first" };
        var runs = RunsCommand.RunsFolderOption();
        var command = new Command("export", "Export the turns of a run or a study")
        {
            target, format, chat, side, where, output, perRun, layer, runs,
        };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            if (parse.GetValue(chat) && parse.GetValue(format) is not ("jsonl" or ChatFormat))
            {
                throw new InvalidInputException("--chat writes JSON lines: use it with --format jsonl (the default)", field: "--chat");
            }

            var exporter = Exporter(services.GetServices<IRunExporter>(), parse.GetValue(chat) ? ChatFormat : parse.GetValue(format)!);
            var source = ExportSource.Resolve(parse.GetValue(target)!, RunTarget.RunsRoot(services, parse, runs), parse.GetValue(runs) is not null);
            LogFile.UseRunsFolder(source.Store.Root);
            var filter = ExportFilter.Parse(parse.GetValue(where) ?? []);
            var path = parse.GetValue(output) is { } given ? parse.GetValue(perRun) ? OutputPath.Folder(given, "--out") : OutputPath.File(given, "--out") : null;
            var selection = new Selection(source, filter, parse.GetValue(layer));
            var sideValue = parse.GetValue(side)!;
            if (parse.GetValue(perRun))
            {
                if (path is null)
                {
                    throw new InvalidInputException("--per-run writes one file per run: give the folder with --out", field: "--out");
                }

                Directory.CreateDirectory(path);
                var (written, left) = (0, 0);
                foreach (var run in source.Runs)
                {
                    // A run --where leaves out, or leaves no turn of, gets no file (an empty one would say it had none).
                    var selected = selection.Of([run]).Where(s => s.Transcript.Turns.Count > 0).ToList();
                    if (selected.Count == 0)
                    {
                        left++;
                        continue;
                    }

                    var batch = new ExportBatch(selected, source.Study, sideValue);
                    await AtomicFile.WriteTextAsync(Path.Combine(path, $"{run.RunId}.{exporter.FileExtension}"), w => exporter.WriteAsync(batch, w, cancellationToken), cancellationToken);
                    written++;
                }

                await Console.Error.WriteLineAsync($"export: {written} file{(written == 1 ? "" : "s")} in {RunTarget.Display(path)}{(left > 0 ? $"; {left} run{(left == 1 ? "" : "s")} left out by --where" : "")}");
            }
            else
            {
                var batch = new ExportBatch(selection.Of(source.Runs), source.Study, sideValue);
                if (path is null)
                {
                    await exporter.WriteAsync(batch, Console.Out, cancellationToken);
                }
                else
                {
                    await AtomicFile.WriteTextAsync(path, w => exporter.WriteAsync(batch, w, cancellationToken), cancellationToken);
                }
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The registered exporter of <paramref name="name"/>; an unknown name is refused with the known ones.</summary>
    private static IRunExporter Exporter(IEnumerable<IRunExporter> registered, string name)
    {
        var exporters = registered.ToList();
        return exporters.FirstOrDefault(e => e.Format == name)
            ?? throw new InvalidInputException(
                $"unknown format '{name}' (known: {string.Join(", ", exporters.Select(e => e.Format).Order(StringComparer.Ordinal))})", field: "--format");
    }

    /// <summary>The format <c>--chat</c> stands for.</summary>
    private const string ChatFormat = "chat";

    /// <summary>The runs an export keeps, each with the turns it keeps, loaded as they are enumerated.</summary>
    private sealed class Selection(ExportSource source, ExportFilter filter, string? layer)
    {
        public IEnumerable<ExportedRun> Of(IReadOnlyList<RunFolder> runs)
        {
            foreach (var run in runs)
            {
                var transcript = source.Load(run, layer);
                if (filter.Keeps(transcript))
                {
                    yield return new ExportedRun(run.RunId, filter.Turns(transcript));
                }
            }
        }
    }
}
