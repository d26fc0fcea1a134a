using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Simulator.Monitoring.Raters;

namespace Simulator.Bench;

/// <summary>
/// <see cref="OfflineRater.Score"/> per turn, single-threaded: every turn of the scripted sessions in
/// session order, and every Moore reply. Each iteration scores fresh copies of the texts, so the
/// per-message caches start cold as they do in a new session (the recent messages of a turn still hit
/// the cache filled by the turns before it, as in a live run). Results are per turn.
/// </summary>
[Config(typeof(ShortInProcess))]
[MemoryDiagnoser]
public class RaterBenchmarks
{
    private IReadOnlyList<CorpusTurn> _sessions = [];
    private IReadOnlyList<CorpusTurn> _moore = [];
    private TurnView[] _views = [];

    /// <summary>Turns per invocation of the session benchmark (the scripted corpus: 6 sessions × 200 turns).</summary>
    public const int SessionTurns = 1200;

    /// <summary>Turns per invocation of the Moore benchmark.</summary>
    public const int MooreTurns = 1577;

    [GlobalSetup]
    public void Setup()
    {
        _sessions = Corpus.Sessions();
        _moore = Corpus.Moore();
        if (_sessions.Count != SessionTurns || _moore.Count != MooreTurns)
        {
            throw new InvalidOperationException($"expected {SessionTurns} session turns and {MooreTurns} Moore cases, found {_sessions.Count} and {_moore.Count}");
        }
    }

    [IterationSetup(Target = nameof(ScriptedSessionTurn))]
    public void FreshSessions() => _views = Corpus.Fresh(_sessions);

    [IterationSetup(Target = nameof(MooreReply))]
    public void FreshMoore() => _views = Corpus.Fresh(_moore);

    [Benchmark(OperationsPerInvoke = SessionTurns)]
    public int ScriptedSessionTurn() => ScoreAll();

    [Benchmark(OperationsPerInvoke = MooreTurns)]
    public int MooreReply() => ScoreAll();

    /// <summary>
    /// The short job (3 warm-ups, 3 iterations), in process: building the boilerplate project takes
    /// longer than BenchmarkDotNet's two-minute build timeout on a loaded two-core machine.
    /// </summary>
    public sealed class ShortInProcess : ManualConfig
    {
        public ShortInProcess() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }

    private int ScoreAll()
    {
        var n = 0;
        foreach (var v in _views)
        {
            n += OfflineRater.Score(v).Metrics.Count;
        }

        return n;
    }
}
