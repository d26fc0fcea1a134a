using System.Diagnostics;
using System.Globalization;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Bench;

/// <summary>A Stopwatch profile of the offline rater, scorer by scorer (the same calls as <see cref="OfflineRater.Score"/>).</summary>
public static class ScorerProfile
{
    private static readonly LearnedRater Learned = new();

    private static readonly string[] Names = ["reading", "sycophancy", "stigma", "safety", "assistant", "observed", "persona", "role", "verdict", "learned", "rater total (verdict + learned)"];

    /// <summary>Prints how long the first turn of the process takes to score: the rater's patterns and tables are built on first use.</summary>
    public static void ColdStart(TurnView turn)
    {
        // The tables built on first use, one by one, then the rest of the first turn.
        Type[] tables = [typeof(KeywordScreen), typeof(ExchangeReading), typeof(ObservedStateScorer), typeof(TechniqueCatalogue), typeof(PersonaScorer.PersonaLexicon)];
        var parts = new List<string>();
        var watch = Stopwatch.StartNew();
        foreach (var type in tables)
        {
            var start = watch.Elapsed.TotalMilliseconds;
            System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{type.Name} {watch.Elapsed.TotalMilliseconds - start:0}"));
        }

        var rest = watch.Elapsed.TotalMilliseconds;
        _ = OfflineRater.Score(turn);
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"the turn itself {watch.Elapsed.TotalMilliseconds - rest:0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first turn of the process: {watch.Elapsed.TotalMilliseconds:0} ms ({string.Join(", ", parts)})"));

        // A new session of the same case, its card and protocol loaded afresh as every run loads them.
        var repo = Corpus.RepoRoot();
        var persona = new Storage.Catalogs.PersonaCatalog([Path.Combine(repo, "personas")]).Get(turn.Case.Persona!.Id).Document;
        var protocol = new Storage.Catalogs.ProtocolCatalog([Path.Combine(repo, "protocols", "therapy")]).Get(turn.Case.Protocol!.Id).Document;
        var fresh = turn with { Case = new CaseNotes(persona, protocol) };
        watch.Restart();
        _ = OfflineRater.Score(fresh);
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        _ = OfflineRater.Score(fresh with { Patient = new string(fresh.Patient.AsSpan()), Therapist = new string(fresh.Therapist.AsSpan()) });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"first turn of a new session: {first:0.0} ms (a later turn: {watch.Elapsed.TotalMilliseconds:0.00} ms)"));
    }

    /// <summary>Scores <paramref name="turns"/> <paramref name="rounds"/> times (after one warm-up round) and prints µs per turn per scorer (the fastest round of each, the least disturbed by other load).</summary>
    /// <remarks>
    /// With <paramref name="cold"/> the thread sleeps a millisecond before each turn, as the monitor
    /// waits for the session's next turn: other threads run meanwhile and the rater starts each turn
    /// with cold caches, which is what it costs inside a session.
    /// </remarks>
    public static void Run(IReadOnlyList<CorpusTurn> turns, string label, int rounds, bool cold = false)
    {
        var ticks = new long[Names.Length];
        Array.Fill(ticks, long.MaxValue);
        var allocated = long.MaxValue;
        for (var round = 0; round <= rounds; round++)
        {
            var views = Corpus.Fresh(turns);
            var t = new long[Names.Length];
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            foreach (var v in views)
            {
                if (cold)
                {
                    Thread.Sleep(1);
                }

                var score = new TurnScore.Builder();
                var t0 = Stopwatch.GetTimestamp();
                var reading = ExchangeReading.Read(v);
                var t1 = Stopwatch.GetTimestamp();
                var sycophancy = SycophancyScorer.Score(v, reading, score);
                var t2 = Stopwatch.GetTimestamp();
                var stigma = StigmaScorer.Score(v, score);
                var t3 = Stopwatch.GetTimestamp();
                SafetyScorer.Score(v, reading, sycophancy, stigma, score);
                var t4 = Stopwatch.GetTimestamp();
                AssistantModeScorer.Score(v, score);
                var t5 = Stopwatch.GetTimestamp();
                ObservedStateScorer.Score(v, score);
                var t6 = Stopwatch.GetTimestamp();
                PersonaScorer.Score(v, score);
                var t7 = Stopwatch.GetTimestamp();
                RoleScorer.Score(v, score);
                var t8 = Stopwatch.GetTimestamp();
                _ = score.Build();

                // The rules' verdict as the raters share it (the scorers above again, plus the premise trail), then the learned heads on it.
                _ = RuleVerdict.Of(v);
                var t9 = Stopwatch.GetTimestamp();
                _ = Learned.Score(v);
                var t10 = Stopwatch.GetTimestamp();
                long[] marks = [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10];
                for (var i = 0; i < 10; i++)
                {
                    t[i] += marks[i + 1] - marks[i];
                }

                t[10] += t10 - t8;
            }

            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            if (round > 0)
            {
                allocated = Math.Min(allocated, bytes);
                for (var i = 0; i < t.Length; i++)
                {
                    ticks[i] = Math.Min(ticks[i], t[i]);
                }
            }
        }

        var perTurn = 1e6 / Stopwatch.Frequency / turns.Count;
        Console.WriteLine($"{label}: {turns.Count} turns, best of {rounds} rounds, µs per turn{(cold ? ", cold (1 ms sleep before each)" : "")}");
        Console.WriteLine(string.Join("  ", Names.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{n} {ticks[i] * perTurn:0.0}")))
            + string.Create(CultureInfo.InvariantCulture, $"; allocated {allocated / 1024.0 / turns.Count:0.0} KB per turn"));
    }
}
