using System.Diagnostics;
using Simulator.Monitoring;
using Simulator.Monitoring.Raters;

namespace Simulator.Bench;

/// <summary>The offline rater, timed where it runs: in the monitor, beside the session loop and the log writer.</summary>
internal sealed class TimedRater : IRater
{
    private long _ticks;
    private int _turns;

    /// <inheritdoc />
    public string Name => "offline";

    /// <inheritdoc />
    public string RubricVersion => "offline-v1";

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Metrics.All;

    /// <summary>Time spent scoring since the last <see cref="Take"/>, and the turns scored.</summary>
    public (TimeSpan Elapsed, int Turns) Take() => (Stopwatch.GetElapsedTime(0, Interlocked.Exchange(ref _ticks, 0)), Interlocked.Exchange(ref _turns, 0));

    /// <inheritdoc />
    public ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var score = OfflineRater.Score(turn);
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - start);
        Interlocked.Increment(ref _turns);
        return ValueTask.FromResult(score);
    }
}
