namespace Simulator.Core.Randomness;

/// <summary>
/// A small, stable pseudo-random source (SplitMix64). Its sequence for a given seed never changes
/// across .NET versions or platforms, so a seed names the same run forever. Not thread-safe.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    /// <summary>Starts a sequence at <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>
    /// A sequence derived from a run seed and a stream name (and optional numbers such as a turn),
    /// independent of every other stream: each agent and each turn draw from their own.
    /// </summary>
    public static SeededRandom For(long seed, string stream, params ReadOnlySpan<long> parts)
    {
        var h = Fnv(unchecked((ulong)seed), stream);
        foreach (var p in parts)
        {
            h = Mix(h ^ unchecked((ulong)p));
        }

        return new SeededRandom(h);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An integer in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)(NextUInt64() % (ulong)maxExclusive);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>One element of a non-empty list, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items)
    {
        ArgumentOutOfRangeException.ThrowIfZero(items.Count);
        return items[Next(items.Count)];
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    private static ulong Fnv(ulong seed, string text)
    {
        var h = 14695981039346656037UL ^ Mix(seed);
        foreach (var c in text)
        {
            h = unchecked((h ^ c) * 1099511628211UL);
        }

        return Mix(h);
    }
}
