using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;
using Simulator.Models.Context;

namespace Simulator.Models.Recording;

/// <summary>
/// The identity of a request as sent: the first 16 hex digits of SHA-256 over each message's own
/// digest (role and text), the model and the sampling parameters. <see cref="Of"/> hashes one
/// request; an instance hashes the sequential requests of one caller, carrying the hash of the
/// prefix they share forward (<see cref="PrefixFold{TState}"/>), so the long, append-only
/// histories of a session are not rehashed on every call.
/// </summary>
public sealed class RequestHash
{
    private readonly PrefixFold<IncrementalHash> _messages = new(
        () => IncrementalHash.CreateHash(HashAlgorithmName.SHA256),
        static (sha, m) =>
        {
            AppendDigest(sha, m);
            return sha;
        },
        static sha => sha.Clone());

    /// <summary>The hash of <paramref name="messages"/> sent to <paramref name="model"/> with <paramref name="options"/>.</summary>
    public static string Of(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string model)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in messages)
        {
            AppendDigest(sha, m);
        }

        return Finish(sha, options, model);
    }

    /// <summary>As <see cref="Of"/>, folding only the messages this caller's previous request did not share.</summary>
    public string Next(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string model)
    {
        using var sha = _messages.Over(messages);
        return Finish(sha, options, model);
    }

    /// <summary>
    /// Appends a message's digest: SHA-256 of the UTF-8 of role, U+001F, text (the separator keeps a
    /// surrogate pair from spanning the two, so the parts are encoded one after the other), in a pooled buffer.
    /// </summary>
    private static void AppendDigest(IncrementalHash sha, ChatMessage m)
    {
        var role = m.Role.Value;
        var text = m.Text;
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(role.Length + 1 + text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(role, buffer);
            buffer[length++] = 0x1f;
            length += Encoding.UTF8.GetBytes(text, buffer.AsSpan(length));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            sha.AppendData(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static string Finish(IncrementalHash sha, ChatOptions? options, string model)
    {
        var format = options?.ResponseFormat switch
        {
            ChatResponseFormatJson json => "json:" + json.Schema?.GetRawText(),
            null => "",
            var other => other.GetType().Name,
        };
        sha.AppendData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{model}\u001f{options?.Seed}\u001f{options?.Temperature}\u001f{options?.TopP}\u001f{options?.MaxOutputTokens}\u001f{format}")));
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }
}
