using Simulator.Core.Validation;

namespace Simulator.Cli.Commands;

/// <summary>
/// Checks an output option (<c>--out</c>) before anything is written, so a bad value is exit code 2
/// naming the path and the option, not a .NET exception halfway through: not empty, a path the
/// system accepts, a file where a file is wanted and a folder where a folder is, and a place that
/// can be written in (checked without making anything).
/// </summary>
internal static class OutputPath
{
    /// <summary><paramref name="path"/> as a file to write.</summary>
    public static string File(string path, string option)
    {
        var full = Full(path, option);
        if (Directory.Exists(full))
        {
            throw new InvalidInputException("is a folder: give a file to write", path, field: option);
        }

        Writable(Path.GetDirectoryName(full)!, path, option);
        return path;
    }

    /// <summary><paramref name="path"/> as a folder to write into.</summary>
    public static string Folder(string path, string option)
    {
        var full = Full(path, option);
        if (System.IO.File.Exists(full))
        {
            throw new InvalidInputException("is a file: give a folder", path, field: option);
        }

        Writable(full, path, option);
        return path;
    }

    /// <summary><paramref name="path"/> as a folder written beside its place and moved into it: not a file, its parent writable, itself not made here.</summary>
    public static string Replaced(string path, string option)
    {
        var full = Full(path, option);
        if (System.IO.File.Exists(full))
        {
            throw new InvalidInputException("is a file: give a folder", path, field: option);
        }

        Writable(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(full)) ?? full, path, option);
        return path;
    }

    private static string Full(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidInputException("is empty: give a path", field: option);
        }

        try
        {
            return path.Contains('\0', StringComparison.Ordinal)
                ? throw new ArgumentException("a path may not hold a NUL character")
                : Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"is not a usable path: {ex.Message}", path.Replace("\0", "\\0", StringComparison.Ordinal), field: option, inner: ex);
        }
    }

    /// <summary>
    /// Checks a file can be created in <paramref name="folder"/>, or (when it does not exist yet) in its nearest
    /// existing ancestor, where the command will make it: nothing is made here, so a command refused later writes nothing.
    /// </summary>
    private static void Writable(string folder, string given, string option)
    {
        try
        {
            var existing = folder;
            while (!Directory.Exists(existing))
            {
                existing = Path.GetDirectoryName(existing) ?? throw new DirectoryNotFoundException($"no folder of {folder} exists");
                if (System.IO.File.Exists(existing))
                {
                    throw new IOException($"{existing} is a file, not a folder");
                }
            }

            var probe = Path.Combine(existing, $".simulator-write-check-{Environment.ProcessId}");
            using (new FileStream(probe, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"cannot be written: {ex.Message}", given, field: option, inner: ex);
        }
    }
}
