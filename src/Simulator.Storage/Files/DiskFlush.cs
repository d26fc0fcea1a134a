namespace Simulator.Storage.Files;

/// <summary>
/// Flushes files to disk (fsync) on threads of their own, so a caller awaits the disk without
/// holding a thread-pool thread. Linux has no asynchronous fsync: done inline, each flush blocks a
/// pool thread for the disk's commit (milliseconds here), and a thousand runs starting or ending
/// at once would starve the pool that every session's turns run on. At most <see cref="Threads"/>
/// flushes wait on the disk at once; the rest wait asynchronously for a turn, holding no thread.
/// No thread exists between flushes.
/// </summary>
internal static class DiskFlush
{
    /// <summary>How many flushes may wait on the disk at once.</summary>
    private const int Threads = 4;

    private static readonly SemaphoreSlim Turns = new(Threads, Threads);

    /// <summary>Completes once <paramref name="file"/>'s written bytes are on disk; fails as <see cref="FileStream.Flush(bool)"/> would.</summary>
    public static Task ToDiskAsync(FileStream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return OffThePoolAsync(() => file.Flush(flushToDisk: true));
    }

    /// <summary>Completes once <paramref name="folder"/>'s entries (a rename into it) are on disk.</summary>
    public static Task FolderToDiskAsync(string folder) => OffThePoolAsync(() => FolderSync.ToDisk(folder));

    private static async Task OffThePoolAsync(Action flush)
    {
        await Turns.WaitAsync().ConfigureAwait(false);
        try
        {
            // LongRunning: a thread of its own for the blocking call, not one of the pool's.
            await Task.Factory.StartNew(flush, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
        finally
        {
            Turns.Release();
        }
    }
}
