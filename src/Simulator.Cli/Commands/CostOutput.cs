using Simulator.Engine.Costs;

namespace Simulator.Cli.Commands;

/// <summary>A run's or a study's cost as JSON: <c>total</c> null (never 0) when a model called has no price, with <c>unpriced</c> naming them.</summary>
internal static class CostOutput
{
    public static object Json(RunCost cost) => new
    {
        currency = cost.Currency,
        total = cost.Total,
        priced = cost.Priced,
        unpriced = cost.Unpriced,
        note = cost.Total is null ? "no price configured for " + string.Join(", ", cost.Unpriced) : null,
        roles = cost.Lines.Select(l => new
        {
            role = l.Role,
            model = l.Model,
            calls = l.Calls,
            promptTokens = l.PromptTokens,
            cachedTokens = l.CachedTokens,
            completionTokens = l.CompletionTokens,
            cost = l.Cost,
        }),
    };
}
