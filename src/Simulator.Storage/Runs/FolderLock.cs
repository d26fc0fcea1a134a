using System.Globalization;
using Simulator.Core.Validation;

namespace Simulator.Storage.Runs;

/// <summary>
/// Exclusive use of a folder by one process (a study folder while a study runs into it): an open
/// <c>&lt;name&gt;.lock</c> no other process can open, released by the operating system when the process
/// dies, and <c>&lt;name&gt;.pid</c> beside it naming the holder, so a second process is told who has it.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream _file;

    private FolderLock(FileStream file) => _file = file;

    /// <summary>
    /// Takes the lock <paramref name="name"/> of <paramref name="folder"/> (which must exist), or fails with an
    /// <see cref="InvalidInputException"/> naming the holder's process; <paramref name="what"/> describes the folder.
    /// </summary>
    public static FolderLock Take(string folder, string name, string what)
    {
        var path = Path.Combine(folder, name + ".lock");
        var pid = Path.Combine(folder, name + ".pid");
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            var holder = Holder(pid);
            throw new InvalidInputException(
                $"{what} {folder} is in use by {(holder is null ? "another process" : $"process {holder}")}; wait for it to finish (or stop it) first",
                path,
                field: "--out",
                inner: ex);
        }

        try
        {
            File.WriteAllText(pid, Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The name of the holder is a courtesy; the lock is what counts.
        }

        return new FolderLock(file);
    }

    /// <summary>The process named in a lock's pid file, if it can be read.</summary>
    private static int? Holder(string pid)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pid).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
