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

    /// <inheritdoc />
    public async ValueTask<TurnScore> ScoreAsync(TurnView turn, CancellationToken cancellationToken)
    {
        var verdict = await StructuredCall.GetAsync(client, prompt.Messages(turn), "verdict", prompt.Schema, cancellationToken).ConfigureAwait(false);
        var scores = verdict.GetProperty("scores");
        var score = new TurnScore.Builder();
        foreach (var metric in MetricNames)
        {
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
}
