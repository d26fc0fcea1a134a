using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Transcripts;
using Simulator.Core.Validation;
using Simulator.Engine.Hosting;
using Simulator.Reports.Transcripts;
using Simulator.Storage.EventLog;
using Simulator.Storage.Exports;
using Simulator.Storage.Runs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator export &lt;run&gt; --format jsonl|md [--out FILE]</c>: derived views of a run's log.</summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = ["jsonl", "md"];

    public static Command Create(IServiceProvider services)
    {
        var run = new Argument<string>("run") { Description = "Run id, or the run's folder" };
        var format = new Option<string>("--format") { Description = "jsonl (one line per turn) or md (transcript)", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var layer = new Option<string?>("--layer") { Description = "Score layer to export (a rater, rubric version, rescore-N, or recorded); default: all merged, newest first" };
        var runs = RunsCommand.RunsFolderOption();
        var command = new Command("export", "Export a run's turns") { run, format, output, layer, runs };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var store = new RunStore(parse.GetValue(runs) ?? services.GetRequiredService<IOptions<SimulatorOptions>>().Value.RunsPath);
            var folder = store.Open(parse.GetValue(run)!);
            var transcript = LayerChoice.Apply(RunTranscript.From(RunHistory.Load(store, folder).Events), parse.GetValue(layer));
            var path = parse.GetValue(output);
            await using var file = path is null ? null : new StreamWriter(path);
            var writer = (TextWriter?)file ?? Console.Out;
            switch (parse.GetValue(format))
            {
                case "jsonl":
                    await JsonlExporter.WriteAsync(folder.RunId, transcript, writer, cancellationToken);
                    break;
                case "md":
                    await writer.WriteAsync(MarkdownTranscript.Render(folder.RunId, transcript).AsMemory(), cancellationToken);
                    break;
                default:
                    throw new InvalidInputException($"unknown format (known: {string.Join(", ", Formats)})", field: "--format");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
