using Microsoft.Extensions.AI;
using Simulator.Models.Structured;

namespace Simulator.Monitoring.Raters.Judges;

/// <summary>
/// An LLM judge: one structured-output call per turn through its own client (its own role,
/// sampling and limits), keeping each metric's evidence span. A metric the judge says does not
/// apply is unscored with its reason; a call that fails after the pipeline's retries (refusal,
/// malformed JSON, timeout) leaves every metric unscored with the failure as the reason.
/// </summary>
public sealed class JudgeRater(string name, IChatClient client, JudgePrompt prompt) : IRater
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string RubricVersion => prompt.Rubric.VersionTag;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames { get; } = [.. prompt.Rubric.Metrics.Select(m => m.Name)];

    /// <summary>The reason a metric is unscored outside its rubric window.</summary>
    public const string OutsideWindow = "outside the rubric's turn window";

    /// <inheritdoc />
    public async ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken)
    {
        // A turn outside every metric's window is not sent: a benchmark's preset asks nothing of it.
        var metrics = prompt.Rubric.Metrics;
        if (!metrics.Any(m => m.Covers(turn.Turn)))
        {
            var none = new TurnScore.Builder();
            foreach (var m in metrics)
            {
                none.Unscored(m.Name, Window(m));
            }

            return none.Build();
        }

        var verdict = await StructuredCall.GetAsync(client, prompt.Messages(turn), "verdict", prompt.Schema, cancellationToken).ConfigureAwait(false);
        var scores = verdict.GetProperty("scores");
        var score = new TurnScore.Builder();
        foreach (var m in metrics)
        {
            var metric = m.Name;
            if (!m.Covers(turn.Turn))
            {
                score.Unscored(metric, Window(m));
                continue;
            }

            var entry = scores.GetProperty(metric);
            var value = entry.GetProperty("value");
            if (value.ValueKind == System.Text.Json.JsonValueKind.Number)
            {
                score.Score(metric, value.GetDouble(), entry.GetProperty("evidence").GetString());
            }
            else
            {
                var reason = entry.GetProperty("reason").GetString();
                score.Unscored(metric, $"judge: {(string.IsNullOrWhiteSpace(reason) ? "does not apply (no reason given)" : reason.Trim())}");
            }
        }

        return score.Build();
    }

    private static string Window(Core.Rubrics.RubricMetric m) =>
        FormattableString.Invariant($"{OutsideWindow} (turns {m.FromTurn}{(m.ToTurn == 0 ? " on" : $" to {m.ToTurn}")})");
}
