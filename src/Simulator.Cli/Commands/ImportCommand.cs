using System.CommandLine;
using Simulator.Core.Personas;
using Simulator.Core.Validation;
using Simulator.Monitoring.Raters;
using Simulator.Storage.Files;
using Simulator.Storage.Imports;
using Simulator.Storage.Imports.Benchmarks;
using Simulator.Storage.Yaml;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator import &lt;spiral-bench-results.json | psychosis-bench-cases.json&gt; [--as transcripts|personas] [--out DIR] [--score [--monitor ...]]</c>:
/// benchmark files as scored transcripts (OpenAI chat lines <c>score</c> reads, the benchmark's own
/// judgements kept beside them) or as personas whose scripted patient replays the benchmark's user turns.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Where personas go unless told: a subfolder of the catalog, so they stay out of <c>personas list</c> and studies by id.</summary>
    public const string DefaultPersonasFolder = "personas/imported";

    public static Command Create(IServiceProvider services)
    {
        var input = new Argument<string>("file") { Description = "A Spiral-Bench result file (res_*/<model>.json) or a Psychosis-bench case file (test_cases.json)" };
        var kind = new Option<string>("--as") { Description = "transcripts: OpenAI chat lines for `score` (Spiral-Bench); personas: one persona per case that replays its user turns", DefaultValueFactory = _ => "transcripts" };
        kind.AcceptOnlyFromAmong("transcripts", "personas");
        var output = new Option<string?>("--out") { Description = $"Folder to write into (default: the current folder for transcripts, {DefaultPersonasFolder} for personas)" };
        var score = new Option<bool>("--score") { Description = "With --as transcripts: also score the conversations with the monitor, as `score` does" };
        var monitor = new Option<string>("--monitor") { Description = "With --score: offline, or judge:<model-ref>[,<model-ref>...]", DefaultValueFactory = _ => "offline" };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var command = new Command("import", "Import Spiral-Bench results or Psychosis-bench cases as transcripts or personas") { input, kind, output, score, monitor, json };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var file = BenchmarkFile.Read(parse.GetValue(input)!);
            var personas = parse.GetValue(kind) == "personas";
            if (parse.GetValue(score) && personas)
            {
                throw new InvalidInputException("--score goes with --as transcripts: personas are scored when they are run", field: "--score");
            }

            var folder = OutputPath.Folder(parse.GetValue(output) ?? (personas ? DefaultPersonasFolder : "."), "--out");
            return personas
                ? WritePersonas(file, folder, parse.GetValue(json))
                : await WriteTranscriptsAsync(services, file, folder, parse.GetValue(score) ? parse.GetValue(monitor)! : null, parse.GetValue(json), cancellationToken);
        }));
        return command;
    }

    private static async Task<int> WriteTranscriptsAsync(IServiceProvider services, BenchmarkFile file, string folder, string? monitor, bool json, CancellationToken cancellationToken)
    {
        if (file.Benchmark == BenchmarkFile.PsychosisBench)
        {
            throw new InvalidInputException(
                "a Psychosis-bench case file holds only the user's turns, so there is no conversation to import as a transcript: " +
                "use --as personas, then `simulator run --persona <file>` to replay each case against a therapist",
                file.Path, field: "--as");
        }

        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(file.Path);
        var path = Path.Combine(folder, stem + ".chat.jsonl");
        await AtomicFile.WriteTextAsync(path, writer => BenchmarkTranscripts.WriteAsync(file, writer, cancellationToken), cancellationToken);

        // Scored from the file just written, through the reader `score` uses, so `import --score` and `score` agree.
        object? scores = null;
        if (monitor is not null)
        {
            var conversations = ChatConversationReader.Stream(path);
            var cards = file.ImportedCases().ToDictionary(c => c.Id, c => ImportedPersonas.Build(c).Persona, StringComparer.Ordinal);
            var scoresPath = Path.Combine(folder, stem + ".scores.jsonl");
            var (turns, scored, unscored) = await ScoreCommand.ScoreToFileAsync(
                services, conversations, monitor, c => new CaseNotes(cards.GetValueOrDefault(c.Id), null), scoresPath, cancellationToken);
            scores = new { output = Path.GetFullPath(scoresPath), turns, scored, unscored };
            if (!json)
            {
                Console.Out.WriteLine($"Scored {turns} turns into {scoresPath} (case notes: each conversation's imported persona card)");
                ScoreCommand.PrintCounts(scored, unscored);
            }
        }

        if (json)
        {
            JsonOutput.Write(new { benchmark = file.Benchmark, @as = "transcripts", conversations = file.Conversations.Count, output = Path.GetFullPath(path), scores });
        }
        else
        {
            Console.Out.WriteLine($"Imported {file.Conversations.Count} {file.Benchmark} conversations into {path}");
        }

        return ExitCodes.Success;
    }

    private static int WritePersonas(BenchmarkFile file, string folder, bool json)
    {
        // Every card is built and checked as the catalog will load it before any file is written.
        var cards = new List<(string Id, string Yaml, int Script, string Profile)>();
        foreach (var @case in file.ImportedCases())
        {
            var (persona, profile) = ImportedPersonas.Build(@case);
            var yaml = PersonaYamlWriter.Write(persona,
            [
                $"Imported by `simulator import` from {@case.Benchmark}: {@case.Source}",
                $"script: the case's {persona.Script.Count} user turns, verbatim; then the '{profile}' profile's lines.",
                "Demographics are placeholders: the source case has none.",
            ]);
            var name = Path.Combine(folder, @case.Id + ".yaml");
            if (System.Text.Encoding.UTF8.GetByteCount(yaml) > YamlDocumentLoader.MaxBytes)
            {
                throw new InvalidInputException($"the persona for this case would be larger than {YamlDocumentLoader.MaxBytes} bytes", file.Path, field: @case.Source);
            }

            YamlDocumentLoader.Parse<Persona>(yaml, name, PersonaRules.Validate);
            cards.Add((@case.Id, yaml, persona.Script.Count, profile));
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var card in cards)
        {
            var path = Path.Combine(folder, card.Id + ".yaml");
            AtomicFile.WriteAllText(path, card.Yaml);
            written.Add(path);
        }

        if (json)
        {
            JsonOutput.Write(new
            {
                benchmark = file.Benchmark,
                @as = "personas",
                folder = Path.GetFullPath(folder),
                personas = cards.Select((c, i) => new { id = c.Id, file = Path.GetFullPath(written[i]), script = c.Script, profile = c.Profile }),
            });
        }
        else
        {
            Console.Out.WriteLine($"Imported {cards.Count} {file.Benchmark} cases as personas into {folder}");
            foreach (var (card, path) in cards.Zip(written))
            {
                Console.Out.WriteLine($"  {card.Id,-48} {card.Script,3} scripted turns  {card.Profile,-20} {path}");
            }

            Console.Out.WriteLine($"Run one: simulator run --persona {written[0]} --therapist scripted:sycophantic --turns 40");
        }

        return ExitCodes.Success;
    }
}
