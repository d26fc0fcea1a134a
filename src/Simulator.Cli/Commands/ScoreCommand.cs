using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Simulator.Core.Events;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Engine.Scoring;
using Simulator.Models.Endpoints;
using Simulator.Models.References;
using Simulator.Monitoring.Raters;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Files;
using Simulator.Storage.Imports;

namespace Simulator.Cli.Commands;

/// <summary>
/// <c>simulator score &lt;conversations.jsonl&gt; [--monitor ...] [--persona P] [--protocol P] --out &lt;scores.jsonl&gt;</c>:
/// the monitor over transcripts from anywhere (OpenAI chat format), one line per therapist turn.
/// </summary>
internal static class ScoreCommand
{
    private static readonly JsonSerializerOptions Line = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(IServiceProvider services)
    {
        var input = new Argument<string>("conversations") { Description = "Conversations in OpenAI chat format, one JSON object per line (user = patient, assistant = therapist)" };
        var output = new Option<string>("--out") { Description = "Scores file to write: one JSON line per therapist turn", Required = true };
        var monitor = new Option<string>("--monitor") { Description = "offline (rules and learned heads), rules, or judge:<model-ref>[,<model-ref>...] (the offline layers always run)", DefaultValueFactory = _ => "offline" };
        var heads = new Option<string?>("--heads") { Description = "Learned heads file (from 'monitor fit') to use instead of the shipped heads" };
        var rubric = new Option<string?>("--rubric") { Description = "The judges' rubric: an id in protocols/rubrics (judge, spiral-bench, psychosis-bench) or a file" };
        var persona = new Option<string?>("--persona") { Description = "A persona card (id or file) to give the monitor as case notes for every conversation" };
        var protocol = new Option<string?>("--protocol") { Description = "The protocol (id or file) the therapist was asked to deliver" };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var command = new Command("score", "Score conversations from elsewhere with the monitor") { input, output, monitor, heads, rubric, persona, protocol, json };
        command.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var conversations = new CountedConversations(ChatConversationReader.Stream(parse.GetValue(input)!));
            var notes = new CaseNotes(
                parse.GetValue(persona) is { } p ? services.GetRequiredService<PersonaCatalog>().Get(p).Document : null,
                parse.GetValue(protocol) is { } q ? services.GetRequiredService<ProtocolCatalog>().Get(q).Document : null);
            var path = OutputPath.File(parse.GetValue(output)!, "--out");
            var (turns, scored, unscored) = await ScoreToFileAsync(services, conversations, parse.GetValue(monitor)!, _ => notes, path, cancellationToken, parse.GetValue(heads), parse.GetValue(rubric));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { conversations = conversations.Read, turns, output = Path.GetFullPath(path), scored, unscored });
            }
            else
            {
                Console.Out.WriteLine($"Scored {turns} turns of {conversations.Read} conversations into {path}");
                PrintCounts(scored, unscored);
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Scores <paramref name="conversations"/> (read one at a time, so memory is bounded by the longest) with the monitor
    /// <paramref name="monitor"/> names, each with its case notes, into <paramref name="path"/> (one JSON line per therapist
    /// turn, written whole or not at all: a bad line met halfway leaves no scores file), and counts the turns each metric
    /// was scored and left unscored on.
    /// </summary>
    internal static async Task<(int Turns, SortedDictionary<string, int> Scored, SortedDictionary<string, int> Unscored)> ScoreToFileAsync(
        IServiceProvider services, IEnumerable<ChatConversation> conversations, string monitor, Func<ChatConversation, CaseNotes> notesOf, string path, CancellationToken cancellationToken,
        string? heads = null, string? rubric = null)
    {
        var secrets = services.GetRequiredService<SecretRedactor>();
        var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var plan = MonitorPlan.For(monitor, heads, rubric, services.GetRequiredService<IModelRegistry>(), services.GetRequiredService<RubricCatalog>(), options.JudgeRubric);
        var clock = services.GetRequiredService<TimeProvider>();

        // Judges' calls are not kept: there is no run to keep them in.
        var calls = Channel.CreateBounded<RunEvent>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var current = 0;
        var raters = plan.Raters([.. services.GetServices<IRater>()], () => current, calls.Writer, clock);

        var turns = 0;
        var scored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var unscored = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await AtomicFile.WriteTextAsync(path, WriteAsync, cancellationToken);
        return (turns, scored, unscored);

        async Task WriteAsync(TextWriter writer)
        {
            foreach (var conversation in conversations)
            {
                foreach (var (turn, scores) in await TranscriptScorer.ScoreAsync(conversation, raters, notesOf(conversation), clock, cancellationToken))
                {
                    turns++;
                    Count(scored, scores.Metrics.Keys);
                    Count(unscored, scores.Unscored.Keys);
                    await writer.WriteLineAsync(secrets.Redact(JsonSerializer.Serialize(new
                    {
                        conversation = conversation.Id,
                        line = conversation.Line,
                        turn,
                        metrics = scores.Metrics,
                        unscored = scores.Unscored,
                        evidence = scores.Evidence,
                    }, Line)).AsMemory(), cancellationToken);
                }
            }
        }
    }

    /// <summary>Conversations passed through as they are read, counted.</summary>
    private sealed class CountedConversations(IEnumerable<ChatConversation> source) : IEnumerable<ChatConversation>
    {
        public int Read { get; private set; }

        public IEnumerator<ChatConversation> GetEnumerator()
        {
            foreach (var c in source)
            {
                Read++;
                yield return c;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Prints, per metric, the turns it was scored and left unscored on.</summary>
    internal static void PrintCounts(SortedDictionary<string, int> scored, SortedDictionary<string, int> unscored)
    {
        foreach (var metric in scored.Keys.Union(unscored.Keys).Order(StringComparer.Ordinal))
        {
            Console.Out.WriteLine($"  {metric,-28} scored {scored.GetValueOrDefault(metric),6}  unscored {unscored.GetValueOrDefault(metric),6}");
        }
    }

    private static void Count(SortedDictionary<string, int> counts, IEnumerable<string> metrics)
    {
        foreach (var m in metrics)
        {
            counts[m] = counts.GetValueOrDefault(m) + 1;
        }
    }
}
