using System.ClientModel;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Polly.CircuitBreaker;

namespace Simulator.Models.Resilience;

/// <summary>Turns what a provider's client threw into a <see cref="ModelFaultException"/>, with any Retry-After the server sent.</summary>
public static class FaultClassifier
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(5);

    /// <summary>Classifies <paramref name="error"/>; <paramref name="scrub"/> removes secrets from messages.</summary>
    public static ModelFaultException Classify(Exception error, Func<string, string> scrub, TimeProvider clock)
    {
        if (error is ModelFaultException fault)
        {
            return fault;
        }

        var message = scrub(FirstLine(error.Message));
        if (error is BrokenCircuitException broken)
        {
            return new ModelFaultException(ModelFaultKind.CircuitOpen, "the endpoint's circuit breaker is open after repeated faults", broken.RetryAfter);
        }

        var (status, headers) = Response(error);
        if (status is { } code)
        {
            var kind = code switch
            {
                429 => ModelFaultKind.RateLimited,
                >= 500 => ModelFaultKind.ServerError,
                408 => ModelFaultKind.Timeout,
                _ => ModelFaultKind.Rejected,
            };
            return new ModelFaultException(kind, message.StartsWith("HTTP ", StringComparison.Ordinal) ? message : $"HTTP {code}: {message}", RetryAfter(headers, clock));
        }

        return Chain(error).FirstOrDefault(e => e is JsonException or FormatException or IOException or SocketException or HttpRequestException) switch
        {
            JsonException or FormatException => new ModelFaultException(ModelFaultKind.Unreadable, message),
            IOException or SocketException or HttpRequestException => new ModelFaultException(ModelFaultKind.Connection, message),
            _ => new ModelFaultException(ModelFaultKind.Unreadable, $"{error.GetType().Name}: {message}"),
        };
    }

    private static (int? Status, Func<string, string?> Headers) Response(Exception error)
    {
        var chain = Chain(error).ToList();
        if (chain.OfType<ClientResultException>().FirstOrDefault(e => e.Status > 0) is { } result)
        {
            var raw = result.GetRawResponse();
            return (result.Status, name => raw is not null && raw.Headers.TryGetValue(name, out var v) ? v : null);
        }

        int? status = chain.Select(e => e switch
        {
            Microsoft.SemanticKernel.HttpOperationException { StatusCode: { } code } => (int?)code,
            HttpRequestException { StatusCode: { } code } => (int?)code,
            _ => null,
        }).FirstOrDefault(code => code is not null);
        return (status, _ => null);
    }

    private static IEnumerable<Exception> Chain(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>The wait a server asked for: <c>retry-after-ms</c>, else <c>Retry-After</c> in seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(Func<string, string?> headers, TimeProvider clock)
    {
        if (double.TryParse(headers("retry-after-ms"), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) && ms >= 0)
        {
            return Cap(TimeSpan.FromMilliseconds(ms));
        }

        var value = headers("retry-after");
        if (value is null)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return Cap(TimeSpan.FromSeconds(seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? Cap(at - clock.GetUtcNow())
            : null;
    }

    private static TimeSpan Cap(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait > LongestWait ? LongestWait : wait;

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
