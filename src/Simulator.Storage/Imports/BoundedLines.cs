using System.Globalization;
using Simulator.Core.Validation;

namespace Simulator.Storage.Imports;

/// <summary>
/// The lines of a stream as UTF-8 bytes, one at a time, none longer than a limit: a longer line is
/// refused as soon as the limit is passed, before it is held whole. The returned bytes are valid
/// until the next call. Not thread-safe.
/// </summary>
internal sealed class BoundedLines(Stream stream, int maxLineBytes)
{
    private readonly byte[] _read = new byte[1 << 16];
    private byte[] _line = new byte[4096];
    private int _readStart;
    private int _readEnd;
    private bool _ended;

    /// <summary>The next line without its line feed, or null at the end; <paramref name="path"/> and <paramref name="number"/> name it in an error.</summary>
    public ReadOnlyMemory<byte>? Next(string path, int number)
    {
        var length = 0;
        var any = false;
        while (true)
        {
            if (_readStart == _readEnd)
            {
                _readStart = 0;
                _readEnd = _ended ? 0 : stream.Read(_read, 0, _read.Length);
                if (_readEnd == 0)
                {
                    _ended = true;

                    // Not "any ? Line(...) : null": null would become an empty line through byte[]'s conversion to memory.
                    if (!any)
                    {
                        return null;
                    }

                    return Line(length, number);
                }
            }

            any = true;
            var chunk = _read.AsSpan(_readStart, _readEnd - _readStart);
            var end = chunk.IndexOf((byte)'\n');
            var take = end < 0 ? chunk.Length : end;
            if ((long)length + take > maxLineBytes)
            {
                throw new InvalidInputException(
                    string.Create(CultureInfo.InvariantCulture, $"the line is longer than {maxLineBytes:N0} bytes, the most one conversation may take"),
                    path,
                    number);
            }

            if (length + take > _line.Length)
            {
                var bigger = new byte[Math.Min(maxLineBytes, Math.Max(_line.Length * 2, length + take))];
                _line.AsSpan(0, length).CopyTo(bigger);
                _line = bigger;
            }

            chunk[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _readStart += end < 0 ? take : take + 1;
            if (end >= 0)
            {
                return Line(length, number);
            }
        }
    }

    /// <summary>The line's bytes, without the UTF-8 byte order mark a first line may start with.</summary>
    private ReadOnlyMemory<byte> Line(int length, int number) =>
        number == 1 && _line.AsSpan(0, length).StartsWith("\uFEFF"u8) ? _line.AsMemory(3, length - 3) : _line.AsMemory(0, length);
}
