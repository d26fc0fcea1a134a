using System.Security.Cryptography;

namespace Simulator.Core.Events;

/// <summary>
/// The determinism hash of a run: SHA-256 over the canonical events (no timestamps or latencies),
/// ordered by turn then lane, so two runs with the same configuration and seed on scripted models
/// hash the same however the monitor's scores interleaved with the turns.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of <paramref name="events"/>, as lowercase hex; <paramref name="serialize"/> writes one event.</summary>
    public static string Of(IEnumerable<RunEvent> events, Func<RunEvent, byte[]> serialize)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in events.Select(e => e.Canonical()).OrderBy(e => e.Turn).ThenBy(e => e.Lane))
        {
            var bytes = serialize(e);
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
