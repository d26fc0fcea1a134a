using Simulator.Core.Events;
using Simulator.Models.Costs;

namespace Simulator.Engine.Costs;

/// <summary>
/// What a run's (or a study's) model calls cost, from their <see cref="ModelCalled"/> events and the
/// price table: per role and model the tokens and the cost, and the total. A model with no price
/// leaves the total unknown (<see cref="Total"/> null) and is listed in <see cref="Unpriced"/>;
/// the priced part is still given. Every attempt counts, failed ones included (their tokens were spent).
/// </summary>
/// <param name="Currency">The prices' currency.</param>
/// <param name="Lines">Per role and model.</param>
public sealed record RunCost(string Currency, IReadOnlyList<CostLine> Lines)
{
    /// <summary>The models with no price configured.</summary>
    public IReadOnlyList<string> Unpriced => [.. Lines.Where(l => l.Cost is null).Select(l => l.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The cost of the calls to priced models.</summary>
    public double Priced => Lines.Sum(l => l.Cost ?? 0);

    /// <summary>The whole cost, or null when a model called has no price.</summary>
    public double? Total => Lines.Any(l => l.Cost is null) ? null : Priced;

    /// <summary>True when only scripted (offline, free) models were called.</summary>
    public bool OfflineOnly => Lines.All(l => l.Model.StartsWith("scripted:", StringComparison.Ordinal));

    /// <summary>The cost of <paramref name="events"/>' model calls (those at or after <paramref name="since"/> when given).</summary>
    public static RunCost Of(IEnumerable<RunEvent> events, PriceTable prices, DateTimeOffset? since = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(prices);
        var lines = events.OfType<ModelCalled>()
            .Where(c => since is null || c.At >= since)
            .GroupBy(c => (c.Role, c.Model))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal)
            .Select(g =>
            {
                var (prompt, cached, completion) = (g.Sum(c => c.PromptTokens), g.Sum(c => c.CachedTokens), g.Sum(c => c.CompletionTokens));
                return new CostLine(g.Key.Role, g.Key.Model, g.Count(), prompt, cached, completion, prices.Cost(g.Key.Model, prompt, cached, completion));
            });
        return new RunCost(prices.Currency, [.. lines]);
    }

    /// <summary>Several runs' costs together, line by line.</summary>
    public static RunCost Sum(string currency, IEnumerable<RunCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        var lines = costs.SelectMany(c => c.Lines)
            .GroupBy(l => (l.Role, l.Model))
            .OrderBy(g => g.Key.Role, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => new CostLine(
                g.Key.Role, g.Key.Model, g.Sum(l => l.Calls), g.Sum(l => l.PromptTokens), g.Sum(l => l.CachedTokens), g.Sum(l => l.CompletionTokens),
                g.Any(l => l.Cost is null) ? null : g.Sum(l => l.Cost!.Value)));
        return new RunCost(currency, [.. lines]);
    }

    /// <summary>One line for people: "12.34 USD", or why there is no number.</summary>
    public string Describe()
    {
        if (Lines.Count == 0)
        {
            return "no model calls";
        }

        if (OfflineOnly)
        {
            return $"0 {Currency} (scripted models only, offline)";
        }

        return Total is { } total
            ? Money(total, Currency)
            : $"no price configured for {string.Join(", ", Unpriced)}{(Priced > 0 ? $" (the priced models: {Money(Priced, Currency)})" : "")}";
    }

    /// <summary>An amount with enough decimals to see cents and fractions of them.</summary>
    public static string Money(double amount, string currency) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount.ToString(amount >= 100 ? "N2" : amount >= 1 ? "0.00" : "0.####", System.Globalization.CultureInfo.InvariantCulture)} {currency}");
}

/// <summary>The calls of one role to one model, their tokens and their cost (null: no price configured).</summary>
/// <param name="Role">The role (<c>therapist</c>, <c>patient.summary</c>, <c>judge.1</c>, ...).</param>
/// <param name="Model">The model reference.</param>
/// <param name="Calls">Attempts, failed ones included.</param>
/// <param name="PromptTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="CompletionTokens">Completion tokens.</param>
/// <param name="Cost">The cost, or null when the model has no price.</param>
public sealed record CostLine(string Role, string Model, int Calls, long PromptTokens, long CachedTokens, long CompletionTokens, double? Cost);
