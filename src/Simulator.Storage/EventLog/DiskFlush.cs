using System.Collections.Concurrent;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Flushes files to disk (fsync) on a few dedicated threads, so a caller awaits the disk without
/// holding a thread-pool thread. Linux has no asynchronous fsync: done inline, each flush blocks a
/// pool thread for the disk's commit (milliseconds here), and a thousand runs starting or ending
/// at once would starve the pool that every session's turns run on. The flushes of several runs in
/// flight at once also share the file system's journal commits.
/// </summary>
internal static class DiskFlush
{
    /// <summary>How many flushes may wait on the disk at once.</summary>
    private const int Threads = 4;

    private static readonly BlockingCollection<(FileStream File, TaskCompletionSource Done)> Pending = Start();

    /// <summary>Completes once <paramref name="file"/>'s written bytes are on disk; fails as <see cref="FileStream.Flush(bool)"/> would.</summary>
    public static Task ToDiskAsync(FileStream file)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((file, done));
        return done.Task;
    }

    private static BlockingCollection<(FileStream, TaskCompletionSource)> Start()
    {
        var pending = new BlockingCollection<(FileStream, TaskCompletionSource)>();
        for (var i = 0; i < Threads; i++)
        {
            new Thread(() => Run(pending)) { IsBackground = true, Name = "disk flush" }.Start();
        }

        return pending;
    }

    private static void Run(BlockingCollection<(FileStream File, TaskCompletionSource Done)> pending)
    {
        foreach (var (file, done) in pending.GetConsumingEnumerable())
        {
            try
            {
                file.Flush(flushToDisk: true);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }
    }
}
