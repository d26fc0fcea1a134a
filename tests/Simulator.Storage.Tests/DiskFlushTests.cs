using Simulator.Storage.Files;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

/// <summary>The flush to disk awaited off the thread pool: it completes once done, and its failures reach the caller.</summary>
public class DiskFlushTests
{
    [Fact]
    public async Task ToDiskAsync_WrittenFile_CompletesWithTheBytesInTheFile()
    {
        var path = Path.Combine(RepoPaths.TempFolder("flush"), "data.bin");
        await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        await file.WriteAsync(new byte[] { 1, 2, 3 });

        await DiskFlush.ToDiskAsync(file);

        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task ToDiskAsync_ClosedFile_FailsAsFlushWould()
    {
        var path = Path.Combine(RepoPaths.TempFolder("flush"), "closed.bin");
        var file = new FileStream(path, FileMode.Create);
        await file.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => DiskFlush.ToDiskAsync(file));
    }
}
