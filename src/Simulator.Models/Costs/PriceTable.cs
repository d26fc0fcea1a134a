using Simulator.Core.Validation;
using Simulator.Models.Endpoints;

namespace Simulator.Models.Costs;

/// <summary>
/// The configured prices (<see cref="ModelPrice"/>), looked up by model reference. Scripted models
/// are built in and free. A model with no price has no cost: callers say "no price configured",
/// never 0. Prompt tokens are taken to include the cached ones (as OpenAI-compatible servers report
/// them), so a call costs <c>(prompt − cached) × Input + cached × CachedInput + completion × Output</c>.
/// </summary>
public sealed class PriceTable
{
    private readonly List<(string Pattern, bool Prefix, double Input, double CachedInput, double Output)> _prices = [];

    /// <summary>The table of <paramref name="options"/>.</summary>
    /// <exception cref="InvalidInputException">An entry has no model, or a price missing, negative or not finite.</exception>
    public PriceTable(ModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Currency = string.IsNullOrWhiteSpace(options.Currency) ? "USD" : options.Currency.Trim();
        for (var i = 0; i < options.Prices.Count; i++)
        {
            var p = options.Prices[i];
            var field = $"Models:Prices:{i}";
            if (string.IsNullOrWhiteSpace(p.Model))
            {
                throw new InvalidInputException("a price needs the model it is for (a model reference, or a prefix ending in *)", field: field + ":Model");
            }

            var input = Price(p.Input, field + ":Input") ?? throw new InvalidInputException($"no input price for {p.Model}", field: field + ":Input");
            var output = Price(p.Output, field + ":Output") ?? throw new InvalidInputException($"no output price for {p.Model}", field: field + ":Output");
            var cached = Price(p.CachedInput, field + ":CachedInput") ?? input;
            var model = p.Model.Trim();
            _prices.Add(model.EndsWith('*') ? (model[..^1], true, input, cached, output) : (model, false, input, cached, output));
        }
    }

    /// <summary>The currency the prices are in (<c>Models:Currency</c>, default USD).</summary>
    public string Currency { get; }

    /// <summary>True when no price is configured.</summary>
    public bool IsEmpty => _prices.Count == 0;

    /// <summary>Whether <paramref name="model"/> has a price (scripted models always do: 0).</summary>
    public bool Prices(string model) => Find(model) is not null;

    /// <summary>The cost of calls to <paramref name="model"/> that used these tokens, or null when it has no price.</summary>
    public double? Cost(string model, long promptTokens, long cachedTokens, long completionTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Find(model) is not { } price)
        {
            return null;
        }

        var cached = Math.Clamp(cachedTokens, 0, Math.Max(0, promptTokens));
        return (((promptTokens - cached) * price.Input) + (cached * price.CachedInput) + (completionTokens * price.Output)) / 1_000_000;
    }

    private (double Input, double CachedInput, double Output)? Find(string model)
    {
        if (model.StartsWith("scripted:", StringComparison.Ordinal))
        {
            return (0, 0, 0);
        }

        var exact = _prices.FirstOrDefault(p => !p.Prefix && p.Pattern == model);
        if (exact.Pattern is not null)
        {
            return (exact.Input, exact.CachedInput, exact.Output);
        }

        var prefix = _prices.Where(p => p.Prefix && model.StartsWith(p.Pattern, StringComparison.Ordinal)).OrderByDescending(p => p.Pattern.Length).FirstOrDefault();
        return prefix.Pattern is null ? null : (prefix.Input, prefix.CachedInput, prefix.Output);
    }

    private static double? Price(double? value, string field) => value switch
    {
        null => null,
        { } v when double.IsFinite(v) && v >= 0 => v,
        { } v => throw new InvalidInputException($"{v} is not a price per million tokens (0 or more)", field: field),
    };
}
