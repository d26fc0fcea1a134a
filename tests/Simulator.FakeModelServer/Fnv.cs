namespace Simulator.FakeModelServer;

/// <summary>FNV-1a 64-bit hashing: stable across processes, unlike <see cref="HashCode"/>.</summary>
internal static class Fnv
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(string text) => Add(OffsetBasis, text);

    public static ulong Hash(int number, string text) => Add(Add(OffsetBasis, number), text);

    private static ulong Add(ulong hash, int number)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            hash = (hash ^ (byte)(number >> shift)) * Prime;
        }

        return hash;
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }

        return hash;
    }
}
