using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace Simulator.Models.Recording;

/// <summary>
/// The identity of a request as sent: the first 16 hex digits of SHA-256 over each message's own
/// digest (role and text), the model and the sampling parameters. Message digests are cached per
/// message, so the long, append-only histories of a session are not rehashed on every call.
/// </summary>
public static class RequestHash
{
    private static readonly ConditionalWeakTable<ChatMessage, byte[]> Digests = new();

    /// <summary>The hash of <paramref name="messages"/> sent to <paramref name="model"/> with <paramref name="options"/>.</summary>
    public static string Of(IReadOnlyList<ChatMessage> messages, ChatOptions? options, string model)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var m in messages)
        {
            sha.AppendData(Digests.GetValue(m, static x => SHA256.HashData(Encoding.UTF8.GetBytes(x.Role.Value + "\u001f" + x.Text))));
        }

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
