using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Agents.Prompts;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Exports;
using Simulator.Engine.Hosting;
using Simulator.Reports.Transcripts;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Exports;
using Simulator.Storage.Files;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator export &lt;run|study&gt; --format jsonl|csv|md|html [--chat [--side S]] [--where C]... [--out FILE|DIR [--per-run]]</c>:
/// derived views of runs' logs, for one run or every run of a study folder, in one file or one per run.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["jsonl", "csv", "md", "html"];

    public static Command Create(IServiceProvider services)
    {
        var target = new Argument<string>("run") { Description = "Run id or folder, or a study folder (or a study's name in the runs folder)" };
        var format = new Option<string>("--format") { Description = "jsonl (one line per turn), csv (one row per turn), md or html (transcripts)", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong(Formats);
        var chat = new Option<bool>("--chat") { Description = "OpenAI chat fine-tune records ({\"messages\": [...]}, one per run or course session) instead of turns" };
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
            var kind = parse.GetValue(chat) ? "chat" : parse.GetValue(format)!;
            if (kind == "chat" && parse.GetValue(format) != "jsonl")
            {
                throw new InvalidInputException("--chat writes JSON lines: use it with --format jsonl (the default)", field: "--chat");
            }

            var source = ExportSource.Resolve(parse.GetValue(target)!, RunTarget.RunsRoot(services, parse, runs), parse.GetValue(runs) is not null);
            LogFile.UseRunsFolder(source.Store.Root);
            var filter = ExportFilter.Parse(parse.GetValue(where) ?? []);
            var path = parse.GetValue(output) is { } given ? parse.GetValue(perRun) ? OutputPath.Folder(given, "--out") : OutputPath.File(given, "--out") : null;
            var exporter = new Exporter(services, source, filter, parse.GetValue(layer), kind, parse.GetValue(side)!);
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
                    var selected = exporter.Selected([run]).Where(s => s.Transcript.Turns.Count > 0).ToList();
                    if (selected.Count == 0)
                    {
                        left++;
                        continue;
                    }

                    await AtomicFile.WriteTextAsync(Path.Combine(path, $"{run.RunId}.{(kind == "chat" ? "chat.jsonl" : kind)}"), w => exporter.WriteAsync(() => selected, w, cancellationToken), cancellationToken);
                    written++;
                }

                await Console.Error.WriteLineAsync($"export: {written} file{(written == 1 ? "" : "s")} in {RunTarget.Display(path)}{(left > 0 ? $"; {left} run{(left == 1 ? "" : "s")} left out by --where" : "")}");
            }
            else if (path is null)
            {
                await exporter.WriteAsync(source.Runs, Console.Out, cancellationToken);
            }
            else
            {
                await AtomicFile.WriteTextAsync(path, w => exporter.WriteAsync(source.Runs, w, cancellationToken), cancellationToken);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>One export: its runs' transcripts, filtered, in one format.</summary>
    private sealed class Exporter(IServiceProvider services, ExportSource source, ExportFilter filter, string? layer, string kind, string side)
    {
        public Task WriteAsync(IReadOnlyList<RunFolder> runs, TextWriter writer, CancellationToken cancellationToken) =>
            WriteAsync(() => Selected(runs), writer, cancellationToken);

        /// <summary>Writes what <paramref name="selected"/> gives (called twice for CSV: the columns, then the rows).</summary>
        public async Task WriteAsync(Func<IEnumerable<(RunFolder Run, RunTranscript Transcript)>> selected, TextWriter writer, CancellationToken cancellationToken)
        {
            var csv = kind == "csv" ? new CsvExporter() : null;
            if (csv is not null)
            {
                foreach (var (_, transcript) in selected())
                {
                    csv.AddColumnsOf(transcript);
                }

                await csv.WriteHeaderAsync(writer, cancellationToken);
            }

            var pages = new List<(string, RunTranscript)>();
            foreach (var (run, transcript) in selected())
            {
                switch (kind)
                {
                    case "jsonl":
                        await JsonlExporter.WriteAsync(run.RunId, transcript, writer, cancellationToken);
                        break;
                    case "chat":
                        await ChatExporter.WriteAsync(transcript, side, SystemPrompt(transcript), writer, cancellationToken);
                        break;
                    case "csv":
                        await csv!.WriteRowsAsync(run.RunId, transcript, writer, cancellationToken);
                        break;
                    case "md":
                        await writer.WriteAsync(MarkdownTranscript.Render(run.RunId, transcript).AsMemory(), cancellationToken);
                        break;
                    default:
                        pages.Add((run.RunId, transcript));
                        break;
                }
            }

            if (kind == "html")
            {
                await writer.WriteAsync(HtmlTranscript.Render(pages, source.Study).AsMemory(), cancellationToken);
            }
        }

        /// <summary>The runs the filter keeps, each with the turns it keeps.</summary>
        public IEnumerable<(RunFolder Run, RunTranscript Transcript)> Selected(IReadOnlyList<RunFolder> runs)
        {
            foreach (var run in runs)
            {
                var transcript = source.Load(run, layer);
                if (filter.Keeps(transcript))
                {
                    yield return (run, filter.Turns(transcript));
                }
            }
        }

        /// <summary>The speaking side's system prompt as the run's agents had it: the protocol's (therapist), the persona card (patient).</summary>
        private string? SystemPrompt(RunTranscript transcript)
        {
            if (transcript.Configuration is not { } c)
            {
                return null;
            }

            return side == "therapist"
                ? TherapistPrompt.Render(services.GetRequiredService<ProtocolCatalog>().Get(c.Protocol).Document, c.Style)
                : PatientPrompt.Card(services.GetRequiredService<PersonaCatalog>().Get(c.Persona).Document.WithVariant(c.Variant));
        }
    }
}
