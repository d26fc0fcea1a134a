using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Simulator.FakeModelServer;

/// <summary>Writes whole, streamed and deliberately truncated responses.</summary>
internal static class ResponseWriter
{
    public const string Json = "application/json";

    private static readonly TimeSpan SendGrace = TimeSpan.FromMilliseconds(50);

    public static async Task WholeAsync(HttpContext context, int status, byte[] body, string contentType = Json)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    public static async Task StreamAsync(HttpContext context, string contentType, IReadOnlyList<byte[]> parts)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(context.RequestAborted);
        foreach (var part in parts)
        {
            await response.Body.WriteAsync(part, context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>Announces the whole body's length, sends its first half, then drops the connection.</summary>
    public static async Task TruncatedAsync(HttpContext context, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await SendHalfThenAbortAsync(context, body);
    }

    /// <summary>Streams the first half of the parts' bytes (chunked), then drops the connection.</summary>
    public static async Task TruncatedStreamAsync(HttpContext context, string contentType, IReadOnlyList<byte[]> parts)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.CacheControl = "no-cache";
        await SendHalfThenAbortAsync(context, [.. parts.SelectMany(p => p)]);
    }

    public static Task RateLimitedAsync(HttpContext context, TimeSpan retryAfter, byte[] body)
    {
        var ms = Math.Max(0, (long)Math.Round(retryAfter.TotalMilliseconds));
        context.Response.Headers["retry-after-ms"] = ms.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = ((ms + 999) / 1000).ToString(CultureInfo.InvariantCulture);
        return WholeAsync(context, StatusCodes.Status429TooManyRequests, body);
    }

    private static async Task SendHalfThenAbortAsync(HttpContext context, byte[] body)
    {
        await context.Response.StartAsync(context.RequestAborted);
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        // Abort discards output the socket has not sent yet: give the first half time to leave.
        await Task.Delay(SendGrace, context.RequestAborted);
        context.Abort();
    }
}
