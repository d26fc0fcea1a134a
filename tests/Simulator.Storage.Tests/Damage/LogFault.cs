using System.Buffers.Binary;

namespace Simulator.Storage.Tests.Damage;

/// <summary>
/// One way a log gets damaged, with the numbers that place it (taken modulo the log's size or
/// frame count): bytes cut off the end, bits flipped, a frame deleted, duplicated or moved, a frame's
/// length field changed, a stretch zeroed. The 8-byte header is never touched (a file with a bad
/// header is not a log at all, refused by its own rule). Shared by the property tests and the bench.
/// </summary>
public sealed record LogFault(string Kind, int A, int B, int C)
{
    public static readonly string[] Kinds =
    [
        "truncate", "flip", "flip-many", "delete-frame", "duplicate-frame", "reorder-frames", "length", "zero-range",
    ];

    /// <summary>The damaged log and the first byte that differs from <paramref name="log"/>.</summary>
    public (byte[] Damaged, int At) Apply(byte[] log, IReadOnlyList<(int Offset, int Length)> frames)
    {
        const int header = 8;
        var body = log.Length - header;
        (int Offset, int Length) Frame(int n) => frames[n % frames.Count];
        switch (Kind)
        {
            case "truncate":
            {
                var at = header + (A % body);
                return (log[..at], at);
            }

            case "flip":
            {
                var damaged = (byte[])log.Clone();
                var at = header + (A % body);
                damaged[at] ^= (byte)(1 << (B % 8));
                return (damaged, at);
            }

            case "flip-many":
            {
                var damaged = (byte[])log.Clone();
                var first = header + (A % body);
                var span = 1 + (B % 4096);
                var at = int.MaxValue;
                for (var i = 0; i < 1 + (C % 16); i++)
                {
                    var p = Math.Min(log.Length - 1, first + (int)((uint)(C * (i + 7) * 2654435761u) % (uint)span));
                    damaged[p] ^= (byte)(1 + ((C + i) % 255));
                    at = Math.Min(at, p);
                }

                return (damaged, at);
            }

            case "delete-frame":
            {
                var (offset, length) = Frame(A);
                return ([.. log[..offset], .. log[(offset + length)..]], offset);
            }

            case "duplicate-frame":
            {
                var (offset, length) = Frame(A);
                var (into, _) = Frame(B);
                var at = (B % (frames.Count + 1)) == frames.Count ? log.Length : into;
                return ([.. log[..at], .. log.AsSpan(offset, length), .. log[at..]], at);
            }

            case "reorder-frames":
            {
                var (i, j) = (A % frames.Count, B % frames.Count);
                if (i == j)
                {
                    j = (i + 1) % frames.Count;
                }

                var (a, b) = (frames[Math.Min(i, j)], frames[Math.Max(i, j)]);
                byte[] damaged = [.. log[..a.Offset], .. log.AsSpan(b.Offset, b.Length), .. log[(a.Offset + a.Length)..b.Offset], .. log.AsSpan(a.Offset, a.Length), .. log[(b.Offset + b.Length)..]];
                return (damaged, a.Offset);
            }

            case "length":
            {
                var damaged = (byte[])log.Clone();
                var (offset, length) = Frame(A);
                var payload = (uint)(length - 8);
                var changed = (B % 3) switch
                {
                    0 => payload ^ (1u << (C % 32)),               // one bit
                    1 => (uint)C,                                   // any value
                    _ => payload + 1 + (uint)(C % 64),              // a little longer
                };
                BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(offset), changed == payload ? payload + 1 : changed);
                return (damaged, offset);
            }

            default:
            {
                var damaged = (byte[])log.Clone();
                var at = header + (A % body);
                var end = Math.Min(log.Length, at + 1 + (B % 2048));
                damaged.AsSpan(at, end - at).Clear();
                return (damaged, damaged.AsSpan(at, end - at).SequenceEqual(log.AsSpan(at, end - at)) ? log.Length : at);
            }
        }
    }
}
