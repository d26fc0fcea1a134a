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
