using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Simulator.Bench;
using Simulator.Monitoring.Raters;

// The offline rater's cost per turn.
//
//   dotnet run -c Release --project bench/Simulator.Bench -- --filter '*' --job short   BenchmarkDotNet
//   dotnet run -c Release --project bench/Simulator.Bench -- golden --out FILE          every TurnScore as JSON lines
//   dotnet run -c Release --project bench/Simulator.Bench -- profile [--rounds N] [--set sessions|moore] [--cold]   Stopwatch per scorer
//   dotnet run -c Release --project bench/Simulator.Bench -- overhead [--turns N] [--rounds N]   a whole session with and without the monitor
//   dotnet run -c Release --project bench/Simulator.Bench -- scale [--turns 200,1000,4000] [--rounds N] [--therapist T]   time and log size against session length
//   dotnet run -c Release --project bench/Simulator.Bench -- catalog [--runs N] [--dir DIR] [--rounds N]   the run catalog over N synthetic runs
//   dotnet run -c Release --project bench/Simulator.Bench -- fuzz log|persona|damage [--inputs N] [--seed S] [--save DIR]   the fuzzers at full length
//   dotnet run -c Release --project bench/Simulator.Bench -- regex                      µs per pattern, and what its keywords rule out
//   dotnet run -c Release --project bench/Simulator.Bench -- keywords Type.Method ...   a pattern's keywords, most often found first
//
// Scripted sessions come from the run folders under $SIMULATOR_BENCH_RUNS, or are generated once
// (six personas × scripted policies, 200 turns, seed 1) under the temporary folder.
switch (args.FirstOrDefault())
{
    case "golden":
        Golden(Value("--out") ?? throw new ArgumentException("golden needs --out FILE"));
        break;
    case "profile":
        ScorerProfile.ColdStart(Corpus.Sessions()[0].View);
        if (Value("--set") is null or "sessions")
        {
            ScorerProfile.Run(Corpus.Sessions(), "scripted sessions", (int)Arg("--rounds", 5), args.Contains("--cold"));
        }

        if (Value("--set") is null or "moore")
        {
            ScorerProfile.Run(Corpus.Moore(), "Moore replies", (int)Arg("--rounds", 5), args.Contains("--cold"));
        }

        if (Value("--set") is null or "spiral")
        {
            ScorerProfile.Run(Corpus.Spiral(), "Spiral-Bench turns", (int)Arg("--rounds", 5), args.Contains("--cold"));
        }

        break;
    case "overhead":
        MonitorOverhead.Run((int)Arg("--turns", 1000), (int)Arg("--rounds", 5));
        break;
    case "scale":
        SessionScale.Run([.. (Value("--turns") ?? "200,1000,4000").Split(',').Select(int.Parse)], (int)Arg("--rounds", 3), Value("--therapist") ?? "scripted:sycophantic");
        break;
    case "catalog":
        await CatalogBench.RunAsync((int)Arg("--runs", 10_000), Value("--dir"), (int)Arg("--rounds", 7));
        break;
    case "fuzz":
        FuzzBench.Run(args.ElementAtOrDefault(1) ?? "log", (int)Arg("--inputs", 100_000), (ulong)Arg("--seed", 1), Value("--save"));
        break;
    case "keywords":
        RegexProfile.Keywords(Corpus.Sessions(), args.Skip(1));
        break;
    case "regex":
        RegexProfile.Run(Corpus.Sessions(), "scripted sessions");
        RegexProfile.Run(Corpus.Moore(), "Moore replies");
        RegexProfile.Run(Corpus.Spiral(), "Spiral-Bench turns");
        break;
    default:
        // Generate the sessions before the benchmark processes start, so each of them only loads them.
        var runs = Environment.GetEnvironmentVariable(Corpus.RunsVariable);
        if (string.IsNullOrEmpty(runs))
        {
            _ = Corpus.Sessions();
        }

        BenchmarkSwitcher.FromAssembly(typeof(RaterBenchmarks).Assembly).Run(args);
        break;
}

void Golden(string path)
{
    var count = 0;
    using var writer = new StreamWriter(path);
    foreach (var set in new[] { Corpus.Sessions(), Corpus.Moore() })
    {
        foreach (var t in set)
        {
            var s = OfflineRater.Score(t.View);
            writer.WriteLine(JsonSerializer.Serialize(new { id = t.Id, metrics = s.Metrics, unscored = s.Unscored, evidence = s.Evidence }));
            count++;
        }
    }

    Console.WriteLine($"{count} turns written to {path}");
}

double Arg(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

string? Value(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
