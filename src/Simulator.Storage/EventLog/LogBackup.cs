using System.Globalization;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Keeps a file's bytes before anything rewrites or truncates it: a copy beside it named
/// <c>&lt;file&gt;.bak-&lt;n&gt;</c> (the first free n from 1), flushed to disk before the caller goes on.
/// Backups are never removed by the simulator: what a rewrite dropped can always be looked at again.
/// </summary>
public static class LogBackup
{
    /// <summary>The most backups kept of one file (a bound against a loop that rewrites forever).</summary>
    public const int MaxBackups = 10_000;

    /// <summary>Copies <paramref name="path"/> to its next free backup name and returns that name; null when the file does not exist.</summary>
    public static string? Keep(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        for (var n = 1; n <= MaxBackups; n++)
        {
            var backup = NameOf(path, n);
            if (File.Exists(backup))
            {
                continue;
            }

            try
            {
                using var source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new FileStream(backup, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                source.CopyTo(copy);
                copy.Flush(flushToDisk: true);
                return backup;
            }
            catch (IOException) when (File.Exists(backup) && n < MaxBackups)
            {
                // Another process took this name first: try the next.
            }
        }

        throw new IOException($"{path} already has {MaxBackups} backups; move some away before it is rewritten");
    }

    /// <summary>The name of backup <paramref name="n"/> of <paramref name="path"/>.</summary>
    public static string NameOf(string path, int n) => path + ".bak-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The backups of <paramref name="path"/> that exist, oldest first.</summary>
    public static IReadOnlyList<string> Of(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var prefix = Path.GetFileName(path) + ".bak-";
        return !Directory.Exists(folder) ? [] : [.. Directory.EnumerateFiles(folder, prefix + "*")
            .Select(f => (File: f, N: int.TryParse(Path.GetFileName(f)[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1))
            .Where(x => x.N > 0)
            .OrderBy(x => x.N)
            .Select(x => x.File)];
    }
}
