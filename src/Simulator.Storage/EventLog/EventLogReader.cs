using System.Globalization;
using Simulator.Core.Validation;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Reads a run's event log. Damage that runs to the end of the file (a crash mid-write) is a torn
/// tail, dropped. Damage that valid frames follow (<see cref="LogDamage"/>) is found by
/// resynchronising on the next frame that checks, and reported: a strict read refuses the log with
/// <see cref="InvalidInputException"/> naming the byte range and the turns after it, so no command
/// silently shows or continues a log with turns missing; a salvaging read returns every readable
/// event with the damage listed. A file that is not an event log is refused either way.
/// </summary>
public static class EventLogReader
{
    /// <summary>Reads every event of the log at <paramref name="path"/>; mid-file damage is refused.</summary>
    public static LogContents Read(string path) => Read(path, salvage: false);

    /// <summary>
    /// Reads the log at <paramref name="path"/>; with <paramref name="salvage"/>, mid-file damage is
    /// listed in <see cref="LogContents.Damage"/> and every readable event returned, instead of refused.
    /// </summary>
    public static LogContents Read(string path, bool salvage)
    {
        byte[] bytes;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > LogFormat.MaxLogBytes)
            {
                throw new InvalidInputException($"the event log is {file.Length} bytes, more than the limit of {LogFormat.MaxLogBytes}", path);
            }

            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InvalidInputException("the run has no event log", path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"the event log cannot be read: {ex.Message}", path, inner: ex);
        }

        return Parse(bytes, path, salvage);
    }

    /// <summary>Parses log bytes; <paramref name="path"/> names the file in errors. Mid-file damage is refused.</summary>
    public static LogContents Parse(ReadOnlySpan<byte> bytes, string path) => Parse(bytes, path, salvage: false);

    /// <summary>Parses log bytes; with <paramref name="salvage"/>, mid-file damage is listed instead of refused.</summary>
    public static LogContents Parse(ReadOnlySpan<byte> bytes, string path, bool salvage)
    {
        var contents = LogScanner.Scan(bytes, path);
        return salvage || contents.Damage.Count == 0 ? contents : throw Damaged(path, contents);
    }

    /// <summary>The error a strict read gives for a log with mid-file damage: where, why, what follows, and what to do.</summary>
    public static InvalidInputException Damaged(string path, LogContents contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        var first = contents.Damage[0];
        var more = contents.Damage.Count == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $" (and {contents.Damage.Count - 1} more damaged: {string.Join("; ", contents.Damage.Skip(1).Select(d => d.Describe()))})");
        var remedy = contents.LostEvents
            ? "nothing was changed; 'simulator resume <run> --salvage' (or 'runs repair <run> --salvage') rewrites the log with every readable turn, keeping the original as events.msgpack.bak-<n>"
            : "no event is lost; 'simulator runs repair <run> --salvage' rewrites the log whole, keeping the original as events.msgpack.bak-<n>";
        return new InvalidInputException(
            string.Create(CultureInfo.InvariantCulture, $"corrupt event log at byte {first.Start}: {first.Describe()}{more}; {contents.Events.Count} events read in all; {remedy}"),
            path,
            field: "frame");
    }
}
