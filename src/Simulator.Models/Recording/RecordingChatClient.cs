using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Simulator.Models.Recording;

/// <summary>
/// Middleware that reports every call attempt (request hash, usage, latency, error) to a sink, so
/// each attempt becomes a ModelCalled event. The request is hashed, never stored.
/// </summary>
public sealed class RecordingChatClient(IChatClient inner, TimeProvider clock, Action<ModelCallRecord> sink) : DelegatingChatClient(inner)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var hash = RequestHash(list, options);
        var started = clock.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
            var usage = response.Usage;
            sink(new ModelCallRecord(
                hash,
                usage?.InputTokenCount ?? 0,
                usage?.OutputTokenCount ?? 0,
                usage?.CachedInputTokenCount ?? 0,
                clock.GetElapsedTime(started).TotalMilliseconds,
                1,
                null));
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            sink(new ModelCallRecord(hash, 0, 0, 0, clock.GetElapsedTime(started).TotalMilliseconds, 1, ex.GetType().Name));
            throw;
        }
    }

    /// <summary>The first 16 hex digits of SHA-256 over the roles, texts, model id and seed.</summary>
    public static string RequestHash(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var sb = new StringBuilder();
        foreach (var m in messages)
        {
            sb.Append(m.Role.Value).Append('\u001f').Append(m.Text).Append('\u001e');
        }

        sb.Append(options?.ModelId).Append('\u001f').Append(options?.Seed).Append('\u001f').Append(options?.Temperature);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
