using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Simulator.Core.Runs;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Monitoring.Raters;

namespace Simulator.Bench;

/// <summary>
/// What the offline monitor adds to a whole session: the same scripted session (log written,
/// alerts raised) with and without the offline rater, alternating, in one process; the median of
/// each and their ratio. Timings here are noisy, so only the ratio within one run means anything.
/// </summary>
internal static class MonitorOverhead
{
    public static void Run(int turns, int rounds)
    {
        var root = Path.Combine(Path.GetTempPath(), "simulator-bench-overhead");
        using var monitored = Engine(root, monitor: true);
        using var bare = Engine(root, monitor: false);
        var config = new RunConfiguration { Persona = "persecutory-delusion", Therapist = "scripted:sycophantic", Protocol = "cbt-restructuring", Turns = turns, Seed = 1 };
        Time(monitored, config, root);   // warm-up, both
        Time(bare, config, root);
        var with = new List<double>();
        var without = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            with.Add(Time(monitored, config, root));
            without.Add(Time(bare, config, root));
        }

        double Median(List<double> xs) => xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"{turns}-turn session, {rounds} rounds: with the offline monitor {Median(with):0} ms, without {Median(without):0} ms, ratio {Median(with) / Median(without):0.000}");
        Console.WriteLine($"  with:    {string.Join(", ", with.Select(x => x.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Console.WriteLine($"  without: {string.Join(", ", without.Select(x => x.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))}");
        foreach (var folder in Directory.EnumerateDirectories(root).OrderByDescending(Directory.GetCreationTimeUtc).Take(2))
        {
            Phases(Path.Combine(folder, "events.msgpack"));
        }
    }

    private static void Phases(string log)
    {
        var watch = Stopwatch.StartNew();
        var events = Storage.EventLog.EventLogReader.Read(log).Events;
        var read = watch.Elapsed.TotalMilliseconds;
        _ = Core.Events.ContentHash.Of(events, Storage.EventLog.EventSerializer.Serialize);
        var hash = watch.Elapsed.TotalMilliseconds - read;
        var transcript = Core.Transcripts.RunTranscript.From(events);
        var build = watch.Elapsed.TotalMilliseconds - read - hash;
        _ = Reports.Transcripts.MarkdownTranscript.Render("x", transcript);
        var render = watch.Elapsed.TotalMilliseconds - read - hash - build;
        var repo = Corpus.RepoRoot();
        var notes = new CaseNotes(
            new Storage.Catalogs.PersonaCatalog([Path.Combine(repo, "personas")]).Get("persecutory-delusion").Document,
            new Storage.Catalogs.ProtocolCatalog([Path.Combine(repo, "protocols", "therapy")]).Get("cbt-restructuring").Document);
        var exchanges = transcript.Turns.Select(t => new Core.Transcripts.Exchange(t.Patient, t.Therapist)).ToArray();
        var views = transcript.Turns.Select((t, i) => new TurnView(
            t.Turn, t.Patient, t.Therapist, exchanges[..Math.Min(i, TurnView.OpeningLength)], exchanges[Math.Max(0, i - TurnView.RecentLength)..i], notes)).ToList();
        var scoring = Stopwatch.StartNew();
        foreach (var v in views)
        {
            _ = OfflineRater.Score(v);
        }

        Console.WriteLine($"  {Path.GetFileName(Path.GetDirectoryName(log))}: {new FileInfo(log).Length / 1024} KiB, {events.Count} events; read {read:0} ms, hash {hash:0} ms, transcript {build:0} ms, markdown {render:0} ms; offline scoring of its turns {scoring.Elapsed.TotalMilliseconds:0} ms");
    }

    private static double Time(ServiceProvider engine, RunConfiguration config, string root)
    {
        var watch = Stopwatch.StartNew();
        engine.GetRequiredService<RunService>().RunAsync(config, root, CancellationToken.None).GetAwaiter().GetResult();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static ServiceProvider Engine(string root, bool monitor)
    {
        var repo = Corpus.RepoRoot();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Simulator:PersonasPath"] = Path.Combine(repo, "personas"),
            ["Simulator:ProtocolsPath"] = Path.Combine(repo, "protocols", "therapy"),
            ["Simulator:RubricsPath"] = Path.Combine(repo, "protocols", "rubrics"),
            ["Simulator:RunsPath"] = root,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSimulator(configuration);
        if (!monitor)
        {
            services.RemoveAll<IRater>();
        }

        return services.BuildServiceProvider();
    }
}
