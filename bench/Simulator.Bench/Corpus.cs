using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Personas;
using Simulator.Core.Runs;
using Simulator.Core.Transcripts;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Tests.Safety;
using Simulator.Tests.Shared;
using Simulator.Storage.Catalogs;
using Simulator.Storage.EventLog;

namespace Simulator.Bench;

/// <summary>One scored turn of the corpus: an id for the golden file and the view the monitor sees.</summary>
public sealed record CorpusTurn(string Id, TurnView View);

/// <summary>
/// The turns the offline rater is measured on: scripted sessions (turn views rebuilt from saved run
/// folders exactly as the session loop builds them) and the Moore et al. (2025) replies.
/// </summary>
public static class Corpus
{
    /// <summary>Environment variable naming a folder of saved runs (the benchmark's child processes inherit it).</summary>
    public const string RunsVariable = "SIMULATOR_BENCH_RUNS";

    /// <summary>The default scripted sessions: persona, scripted therapist policy, protocol.</summary>
    public static readonly (string Persona, string Policy, string Protocol)[] DefaultSessions =
    [
        ("persecutory-delusion", "sycophantic", "supportive"),
        ("depression-suicidal", "crisis-missing", "supportive"),
        ("bipolar-mania", "faithful", "cbt-restructuring"),
        ("command-hallucinations", "stigmatizing", "supportive"),
        ("ocd-checking", "over-cautious", "prolonged-exposure"),
        ("generalised-anxiety", "drifting", "cbt-restructuring"),
    ];

    /// <summary>The repository root (the folder holding Simulator.sln).</summary>
    public static string RepoRoot() => RepoPaths.Root;

    /// <summary>Runs the default scripted sessions (200 turns, seed 1) into <paramref name="runsRoot"/>.</summary>
    public static async Task GenerateAsync(string runsRoot, int turns = 200)
    {
        var repo = RepoRoot();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:PersonasPath"] = Path.Combine(repo, "personas"),
            ["Simulator:ProtocolsPath"] = Path.Combine(repo, "protocols", "therapy"),
            ["Simulator:RunsPath"] = runsRoot,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSimulator(configuration).BuildServiceProvider();
        var runs = services.GetRequiredService<RunService>();
        foreach (var (persona, policy, protocol) in DefaultSessions)
        {
            var config = new RunConfiguration { Persona = persona, Therapist = "scripted:" + policy, Protocol = protocol, Turns = turns, Seed = 1 };
            var result = await runs.RunAsync(config, runsRoot, CancellationToken.None);
            if (result.Status != "completed")
            {
                throw new InvalidOperationException($"run {persona}/{policy} ended {result.Status}");
            }
        }
    }

    /// <summary>The turn views of every run folder under <paramref name="runsRoot"/>, in run then turn order.</summary>
    public static IReadOnlyList<CorpusTurn> LoadSessions(string runsRoot)
    {
        var repo = RepoRoot();
        var personas = new PersonaCatalog([Path.Combine(repo, "personas")]);
        var protocols = new ProtocolCatalog([Path.Combine(repo, "protocols", "therapy")]);
        var turns = new List<CorpusTurn>();
        foreach (var folder in Directory.GetDirectories(runsRoot).Order(StringComparer.Ordinal))
        {
            var events = Path.Combine(folder, "events.msgpack");
            if (!File.Exists(events))
            {
                continue;
            }

            var transcript = RunTranscript.From(EventLogReader.Read(events).Events);
            var config = transcript.Configuration ?? throw new InvalidOperationException("no configuration in " + folder);
            var persona = personas.Get(config.Persona).Document.WithVariant(config.Variant);
            var notes = new CaseNotes(persona, protocols.Get(config.Protocol).Document);
            var name = $"{config.Persona}/{config.Therapist}/{config.Protocol}";
            var history = new List<Exchange>();
            foreach (var t in transcript.Turns)
            {
                var view = new TurnView(t.Turn, t.Patient, t.Therapist, [.. history.Take(TurnView.OpeningLength)], [.. history.TakeLast(TurnView.RecentLength)], notes);
                history.Add(new Exchange(t.Patient, t.Therapist));
                turns.Add(new CorpusTurn($"{name}#{t.Turn}", view));
            }
        }

        return turns;
    }

    /// <summary>The sessions named by <see cref="RunsVariable"/>, or freshly generated ones in a temporary folder.</summary>
    public static IReadOnlyList<CorpusTurn> Sessions()
    {
        var root = Environment.GetEnvironmentVariable(RunsVariable);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Path.GetTempPath(), "simulator-bench-sessions");
            if (!Directory.Exists(root) || Directory.GetDirectories(root).Length < DefaultSessions.Length)
            {
                Directory.CreateDirectory(root);
                GenerateAsync(root).GetAwaiter().GetResult();
            }
        }

        return LoadSessions(root);
    }

    /// <summary>The Moore et al. cases as the monitor tests see them (last user message, last assistant reply, earlier exchanges).</summary>
    public static IReadOnlyList<CorpusTurn> Moore() =>
        [.. LabelledCases.Load(LabelledCases.MoorePath).Select(c => new CorpusTurn(c.Id, c.View))];

    /// <summary>The two shared Spiral-Bench files' therapist turns (long, often markdown, replies of real chat models), each with its conversation before it.</summary>
    public static IReadOnlyList<CorpusTurn> Spiral()
    {
        var turns = new List<CorpusTurn>();
        foreach (var file in new[] { "claude-3.5-sonnet.json", "llama-4-maverick.json" })
        {
            var path = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "data", "spiral-bench", file));
            foreach (var c in Storage.Labels.LabelFiles.Read(path))
            {
                var notes = new CaseNotes(c.Persona, c.Protocol);
                for (var i = 0; i < c.Turns.Count; i++)
                {
                    turns.Add(new CorpusTurn($"{c.Id}#{i + 1}", TurnView.Of(c.Turns, i, notes)));
                }
            }
        }

        return turns;
    }

    /// <summary>
    /// A copy of <paramref name="turns"/> with every string freshly allocated (keeping which views share a
    /// string), so per-message caches keyed by reference start cold as they do for a new session.
    /// </summary>
    public static TurnView[] Fresh(IReadOnlyList<CorpusTurn> turns)
    {
        var strings = new Dictionary<string, string>(ReferenceEqualityComparer.Instance);
        var exchanges = new Dictionary<Exchange, Exchange>(ReferenceEqualityComparer.Instance);
        string S(string s)
        {
            if (!strings.TryGetValue(s, out var copy))
            {
                copy = new string(s.AsSpan());
                strings[s] = copy;
            }

            return copy;
        }

        Exchange E(Exchange e)
        {
            if (!exchanges.TryGetValue(e, out var copy))
            {
                copy = new Exchange(S(e.Patient), S(e.Therapist));
                exchanges[e] = copy;
            }

            return copy;
        }

        var result = new TurnView[turns.Count];
        for (var i = 0; i < turns.Count; i++)
        {
            var v = turns[i].View;
            result[i] = new TurnView(v.Turn, S(v.Patient), S(v.Therapist), [.. v.Opening.Select(E)], [.. v.Recent.Select(E)], v.Case);
        }

        return result;
    }
}
