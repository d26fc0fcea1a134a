using System.Globalization;
using Microsoft.Extensions.Options;

namespace Simulator.Models.Endpoints;

/// <summary>
/// Checks every configured endpoint's numbers against their documented ranges, at start
/// (<c>ValidateOnStart</c>), naming the configuration key of the first one out of range in each endpoint.
/// </summary>
internal sealed class EndpointOptionsValidator : IValidateOptions<ModelsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Endpoints
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => (e.Key, Problem: e.Value is null ? null : FirstProblem(e.Value)))
            .Where(e => e.Problem is not null)
            .Select(e => $"{ModelsOptions.Section}:Endpoints:{e.Key}:{e.Problem!.Value.Field}: {e.Problem.Value.Message}")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The first setting of <paramref name="o"/> out of its range (the field, relative to the endpoint's section), or null.</summary>
    public static (string Field, string Message)? FirstProblem(EndpointOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return Outside(nameof(o.MaxConcurrency), o.MaxConcurrency, EndpointOptions.Ranges.MaxConcurrency)
            ?? Outside(nameof(o.RequestsPerMinute), o.RequestsPerMinute, EndpointOptions.Ranges.PerMinute)
            ?? Outside(nameof(o.TokensPerMinute), o.TokensPerMinute, EndpointOptions.Ranges.PerMinute)
            ?? Outside(nameof(o.TimeoutSeconds), o.TimeoutSeconds, EndpointOptions.Ranges.TimeoutSeconds)
            ?? Outside(nameof(o.MaxAttempts), o.MaxAttempts, EndpointOptions.Ranges.MaxAttempts)
            ?? Outside(nameof(o.MaxRateLimitRetries), o.MaxRateLimitRetries, EndpointOptions.Ranges.MaxRateLimitRetries)
            ?? (o.BreakerFailureRatio is not (> 0 and <= 1) ? (nameof(o.BreakerFailureRatio), $"{Text(o.BreakerFailureRatio)} must be in (0, 1]") : default((string, string)?))
            ?? Outside(nameof(o.BreakerMinimumThroughput), o.BreakerMinimumThroughput, EndpointOptions.Ranges.BreakerMinimumThroughput)
            ?? Outside(nameof(o.BreakerSamplingSeconds), o.BreakerSamplingSeconds, EndpointOptions.Ranges.BreakerSeconds)
            ?? Outside(nameof(o.BreakerBreakSeconds), o.BreakerBreakSeconds, EndpointOptions.Ranges.BreakerSeconds)
            ?? Outside(nameof(o.ContextTokens), o.ContextTokens, EndpointOptions.Ranges.ContextTokens);
    }

    private static (string, string)? Outside(string field, double value, (double Min, double Max) range) =>
        double.IsFinite(value) && value >= range.Min && value <= range.Max
            ? null
            : (field, $"{Text(value)} must be in {Text(range.Min)}..{Text(range.Max)}");

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
