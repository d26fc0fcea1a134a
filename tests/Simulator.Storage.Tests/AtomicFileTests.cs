using Simulator.Storage.Files;
using Simulator.Tests.Shared;

namespace Simulator.Storage.Tests;

/// <summary>The one way files are replaced: whole or not at all, and no temporary file left behind.</summary>
public class AtomicFileTests
{
    [Fact]
    public void WriteAllText_ExistingFile_ReplacedWholeWithNoTemporaryLeft()
    {
        var path = Path.Combine(RepoPaths.TempFolder("atomic"), "manifest.json");
        File.WriteAllText(path, "old and longer than the new");

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void WriteAllText_Text_Utf8WithoutByteOrderMark()
    {
        var path = Path.Combine(RepoPaths.TempFolder("atomic"), "text.md");

        AtomicFile.WriteAllText(path, "é");

        Assert.Equal(new byte[] { 0xC3, 0xA9 }, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task WriteTextAsync_WriterFails_OldFileKeptAndNoTemporaryLeft()
    {
        var path = Path.Combine(RepoPaths.TempFolder("atomic"), "export.jsonl");
        File.WriteAllText(path, "old");

        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteTextAsync(path, async w =>
        {
            await w.WriteAsync("half");
            throw new InvalidOperationException("the exporter failed");
        }, CancellationToken.None));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public async Task WriteTextAsync_NewFile_HoldsWhatWasWritten()
    {
        var path = Path.Combine(RepoPaths.TempFolder("atomic"), "scores.jsonl");

        await AtomicFile.WriteTextAsync(path, w => w.WriteLineAsync("{\"turn\":1}"), CancellationToken.None);

        Assert.Equal("{\"turn\":1}" + Environment.NewLine, File.ReadAllText(path));
    }

    [Fact]
    public void Commit_FileInMissingFolder_Throws()
    {
        var folder = RepoPaths.TempFolder("atomic");

        Assert.ThrowsAny<IOException>(() => AtomicFile.Commit(Path.Combine(folder, "absent.tmp"), Path.Combine(folder, "target")));
    }
}
