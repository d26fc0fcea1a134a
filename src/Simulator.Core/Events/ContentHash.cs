using System.Security.Cryptography;

namespace Simulator.Core.Events;

/// <summary>
/// The determinism hash of a run: SHA-256 over the canonical events (no timestamps or latencies),
/// ordered by turn then lane, so two runs with the same configuration and seed on scripted models
/// hash the same however the monitor's scores interleaved with the turns. What a run is, not how
/// it got there: an interruption's RunEnded (superseded by a later one when the run was resumed)
/// and rescoring layers added afterwards (<see cref="RunEvent.RescoreLane"/>) are left out.
/// </summary>
public static class ContentHash
{
    /// <summary>The hash of <paramref name="events"/>, as lowercase hex; <paramref name="serialize"/> writes one event.</summary>
    public static string Of(IReadOnlyList<RunEvent> events, Func<RunEvent, byte[]> serialize)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in Content(events))
        {
            Append(sha, serialize(e));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The hash of each turn's content (turn 0: the run's opening), to find where two runs part.</summary>
    public static SortedDictionary<int, string> PerTurn(IReadOnlyList<RunEvent> events, Func<RunEvent, byte[]> serialize)
    {
        var hashes = new SortedDictionary<int, string>();
        foreach (var turn in Content(events).GroupBy(e => e.Turn))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var e in turn)
            {
                Append(sha, serialize(e));
            }

            hashes[turn.Key] = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        return hashes;
    }

    private static IEnumerable<RunEvent> Content(IReadOnlyList<RunEvent> events)
    {
        var lastEnd = -1;
        for (var i = events.Count - 1; i >= 0 && lastEnd < 0; i--)
        {
            lastEnd = events[i] is RunEnded ? i : -1;
        }

        return events
            .Where((e, i) => e.Lane != RunEvent.RescoreLane && (e is not RunEnded || i == lastEnd))
            .Select(e => e.Canonical())
            .OrderBy(e => e.Turn)
            .ThenBy(e => e.Lane);
    }

    private static void Append(IncrementalHash sha, byte[] bytes)
    {
        sha.AppendData(BitConverter.GetBytes(bytes.Length));
        sha.AppendData(bytes);
    }
}
