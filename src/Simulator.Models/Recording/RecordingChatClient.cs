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

    /// <summary>
    /// The first 16 hex digits of SHA-256 over each message's own digest (role and text), the model
    /// id, seed and temperature. Message digests are cached per message, so the long, append-only
    /// histories of a session are not rehashed on every call.
    /// </summary>
    public static string RequestHash(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in messages)
        {
            sha.AppendData(Digests.GetValue(m, static x => SHA256.HashData(Encoding.UTF8.GetBytes(x.Role.Value + "\u001f" + x.Text))));
        }

        sha.AppendData(Encoding.UTF8.GetBytes($"{options?.ModelId}\u001f{options?.Seed}\u001f{options?.Temperature}"));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChatMessage, byte[]> Digests = new();
}
