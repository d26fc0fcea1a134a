using System.Runtime.InteropServices;

namespace Simulator.Storage.Files;

/// <summary>
/// Flushes a folder's entries to disk (fsync on the folder), so a file renamed into it stays renamed
/// after a power cut. .NET opens no directory as a file, so this calls the C library; on Windows,
/// where a rename is made durable by the file system's own journal, it does nothing.
/// </summary>
internal static partial class FolderSync
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux
    private const int DirectoryMac = 0x100000; // O_DIRECTORY on macOS

    /// <summary>Flushes <paramref name="folder"/>'s entries to disk; fails with the system's error.</summary>
    public static void ToDisk(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var flags = ReadOnly | (OperatingSystem.IsMacOS() ? DirectoryMac : Directory);
        var fd = Open(folder, flags);
        if (fd < 0)
        {
            throw new IOException($"could not open the folder to flush it to disk (errno {Marshal.GetLastPInvokeError()}): {folder}");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"could not flush the folder to disk (errno {Marshal.GetLastPInvokeError()}): {folder}");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
