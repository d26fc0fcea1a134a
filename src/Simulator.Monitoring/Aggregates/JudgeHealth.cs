using Simulator.Core.Events;
using Simulator.Core.Transcripts;

namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// How often an LLM judge could not score the turns it was asked to (a judge layer that scored no metric on a turn:
/// the model failed every attempt, or never answered in the rubric's form), and the commonest reason. A judge that
/// fails on more than <see cref="Tolerance"/> of its turns is reported where the user looks: the run summary,
/// <c>runs show</c>, the study's output, and with <c>--require-judge</c> the exit code.
/// </summary>
/// <param name="Layer">The judge's layer (<c>judge.1</c>, ..., <c>panel</c>).</param>
/// <param name="Turns">Turns it was asked to score.</param>
/// <param name="Failed">Turns it scored nothing on.</param>
/// <param name="Reason">The commonest reason it gave for them, if any.</param>
public sealed record JudgeHealth(string Layer, int Turns, int Failed, string? Reason)
{
    /// <summary>The share of failed turns above which a judge is reported as failing.</summary>
    public const double Tolerance = 0.05;

    /// <summary>The share of its turns the judge could not score.</summary>
    public double FailedShare => Turns == 0 ? 0 : Failed / (double)Turns;

    /// <summary>Whether the judge failed on more than <see cref="Tolerance"/> of its turns.</summary>
    public bool IsFailing => FailedShare > Tolerance;

    /// <summary>The health of every judge layer of <paramref name="transcript"/> (none when it had no judges; a rescore's layers each on their own).</summary>
    public static IReadOnlyList<JudgeHealth> Of(RunTranscript transcript) => Of(transcript.Turns.SelectMany(t => t.Layers));

    /// <summary>The health of every judge layer among <paramref name="layers"/>, each layer's turns counted once.</summary>
    public static IReadOnlyList<JudgeHealth> Of(IEnumerable<MonitorScored> layers) =>
    [
        .. layers
            .Where(l => l.Rater.StartsWith("judge", StringComparison.Ordinal) || l.Rater.StartsWith("panel", StringComparison.Ordinal))
            .GroupBy(l => l.Rater, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                // Nothing scored and not for want of anything to score: the judge said nothing applies, or no metric's window covers the turn.
                var failed = g.Where(l => l.Metrics.Count == 0 && l.Unscored.Values.Any(r =>
                    !r.StartsWith("judge: ", StringComparison.Ordinal) && !r.StartsWith(Raters.Judges.JudgeRater.OutsideWindow, StringComparison.Ordinal))).ToList();
                var reason = failed.SelectMany(l => l.Unscored.Values).GroupBy(r => r, StringComparer.Ordinal)
                    .OrderByDescending(r => r.Count()).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).FirstOrDefault();
                return new JudgeHealth(g.Key, g.Count(), failed.Count, reason);
            }),
    ];

    /// <summary>The same judges over several runs: turns and failures summed, the commonest reason of the worst run kept.</summary>
    public static IReadOnlyList<JudgeHealth> Sum(IEnumerable<JudgeHealth> runs) =>
    [
        .. runs.GroupBy(h => h.Layer, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new JudgeHealth(g.Key, g.Sum(h => h.Turns), g.Sum(h => h.Failed), g.OrderByDescending(h => h.Failed).First().Reason)),
    ];

    /// <summary>The warning a failing judge gets, e.g. <c>judge.1 could not score 60 of 60 turns (100%): ...</c>.</summary>
    public string Warning() =>
        FormattableString.Invariant($"{Layer} could not score {Failed} of {Turns} turns ({FailedShare:0%}){(Reason is null ? "" : ": " + Reason)}");
}
