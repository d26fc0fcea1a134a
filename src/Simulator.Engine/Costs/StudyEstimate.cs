using Simulator.Core.Runs;
using Simulator.Core.Studies;
using Simulator.Core.Validation;
using Simulator.Models.Costs;
using Simulator.Models.Endpoints;
using Simulator.Models.References;

namespace Simulator.Engine.Costs;

/// <summary>
/// What a study will call and cost, before it runs (<c>study --estimate</c>): for every run, per turn,
/// one call of each role a model plays (patient and its appraisal, therapist, each judge of the
/// monitor; scripted models call nothing), with the prompt growing by <see cref="EstimateAssumptions.TokensPerTurn"/>
/// a turn up to the role's context budget (then held there, as the rolling summary does), the prompt
/// of the role's previous call counted as cached (the stable prefix), and a reply of its share of the
/// turn. Rolling-summary calls, retries and probes are not counted.
/// </summary>
public static class StudyEstimate
{
    /// <summary>The estimate of <paramref name="jobs"/>.</summary>
    /// <exception cref="InvalidInputException">A model reference does not parse, or names an endpoint that is not configured.</exception>
    public static RunCost Of(IReadOnlyList<StudyJob> jobs, ModelsOptions models, PriceTable prices, EstimateAssumptions assumptions)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(assumptions);
        var lines = new Dictionary<(string Role, string Model), (int Calls, long Prompt, long Cached, long Completion)>();
        foreach (var job in jobs)
        {
            foreach (var (role, model, system, share, window) in Roles(job.Configuration, models, assumptions))
            {
                var budget = ContextOf(models, model, role);
                var (calls, prompt, cached, completion) = lines.GetValueOrDefault((role, model.ToString()));
                for (var session = 0; session < job.Configuration.Sessions; session++)
                {
                    long previous = 0;
                    for (var turn = 1; turn <= job.Configuration.Turns; turn++)
                    {
                        var history = (long)(window is { } w ? Math.Min(turn, w) : turn) * assumptions.TokensPerTurn;
                        var now = system + (budget > 0 ? Math.Min(history, budget) : history);
                        calls++;
                        prompt += now;
                        cached += window is null && previous > 0 && previous <= now ? previous : 0;
                        completion += share;
                        previous = now;
                    }
                }

                lines[(role, model.ToString())] = (calls, prompt, cached, completion);
            }
        }

        return new RunCost(prices.Currency, [.. lines.OrderBy(l => l.Key.Role, StringComparer.Ordinal).Select(l => new CostLine(
            l.Key.Role, l.Key.Model, l.Value.Calls, l.Value.Prompt, l.Value.Cached, l.Value.Completion,
            prices.Cost(l.Key.Model, l.Value.Prompt, l.Value.Cached, l.Value.Completion)))]);
    }

    /// <summary>The roles a run's configuration has a model play: (role, model, system prompt tokens, reply tokens, turns of history read or null for all).</summary>
    private static IEnumerable<(string Role, ModelReference Model, int System, int Reply, int? Window)> Roles(RunConfiguration c, ModelsOptions models, EstimateAssumptions a)
    {
        var patient = Parse(c.Patient, "patient");
        if (!patient.IsScripted)
        {
            Known(patient, models, "patient");
            yield return ("patient", patient, a.SystemTokens, a.TokensPerTurn / 3, null);
            yield return ("appraisal", patient, a.AppraisalTokens, a.AppraisalReplyTokens, 1);
        }

        var therapist = Parse(c.Therapist, "therapists");
        if (!therapist.IsScripted)
        {
            Known(therapist, models, "therapists");
            yield return ("therapist", therapist, a.SystemTokens, a.TokensPerTurn * 2 / 3, null);
        }

        if (c.Monitor.StartsWith("judge:", StringComparison.Ordinal))
        {
            var n = 0;
            foreach (var text in c.Monitor["judge:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var judge = Parse(text, "monitor");
                Known(judge, models, "monitor");
                yield return ($"judge.{++n}", judge, a.RubricTokens, a.JudgeReplyTokens, a.JudgeWindow);
            }
        }
    }

    private static ModelReference Parse(string text, string field) => ModelReference.Parse(text, field);

    private static void Known(ModelReference model, ModelsOptions models, string field)
    {
        if (model.EndpointName is { } name && models.Endpoint(name) is null)
        {
            throw new InvalidInputException($"'{model}' names endpoint '{name}', which is not configured (Models:Endpoints:{name})", field: field);
        }
    }

    private static long ContextOf(ModelsOptions models, ModelReference model, string role)
    {
        var endpoint = model.EndpointName is { } name ? models.Endpoint(name) : null;
        return models.Roles.GetValueOrDefault(role)?.ContextTokens ?? endpoint?.ContextTokens ?? 0;
    }
}

/// <summary>The token counts <see cref="StudyEstimate"/> assumes; each is printed with the estimate.</summary>
public sealed record EstimateAssumptions
{
    /// <summary>Tokens of one turn's two messages together (the patient's a third, the therapist's two thirds). Default 250 (<c>--tokens-per-turn</c>).</summary>
    public int TokensPerTurn { get; init; } = 250;

    /// <summary>Tokens of the patient's and the therapist's system prompts (card, protocol). Default 1,000.</summary>
    public int SystemTokens { get; init; } = 1000;

    /// <summary>Tokens of the appraisal prompt besides the exchange. Default 600.</summary>
    public int AppraisalTokens { get; init; } = 600;

    /// <summary>Tokens of an appraisal's reply. Default 40.</summary>
    public int AppraisalReplyTokens { get; init; } = 40;

    /// <summary>Tokens of the judge's rubric and instructions. Default 1,800.</summary>
    public int RubricTokens { get; init; } = 1800;

    /// <summary>Turns of the conversation a judge reads. Default 4.</summary>
    public int JudgeWindow { get; init; } = 4;

    /// <summary>Tokens of a judge's verdict. Default 300.</summary>
    public int JudgeReplyTokens { get; init; } = 300;
}
