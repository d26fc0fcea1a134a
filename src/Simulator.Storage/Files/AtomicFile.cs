using System.Text;

namespace Simulator.Storage.Files;

/// <summary>
/// Replaces a file whole or not at all: the new content is written to <c>&lt;path&gt;.tmp</c>, flushed
/// to disk, renamed over <c>&lt;path&gt;</c>, and the folder flushed to disk so the rename survives a
/// power cut. A crash at any moment leaves the old file or the new one, never half of either; a write
/// that fails removes its temporary file and leaves the old file as it was. Text is UTF-8 without a
/// byte-order mark, as <see cref="File.WriteAllText(string, string?)"/> writes it.
/// </summary>
public static class AtomicFile
{
    /// <summary>What the temporary file's name adds to the target's.</summary>
    public const string TempSuffix = ".tmp";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/>.</summary>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
            writer.Write(text);
        });
    }

    /// <summary>Replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var temp = path + TempSuffix;
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            Commit(temp, path);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Replaces <paramref name="path"/> with the text <paramref name="write"/> writes; the disk is awaited off the thread pool.</summary>
    public static async Task WriteTextAsync(string path, Func<TextWriter, Task> write, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        var temp = path + TempSuffix;
        try
        {
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                var writer = new StreamWriter(stream, Utf8, leaveOpen: true);
                await using (writer.ConfigureAwait(false))
                {
                    await write(writer).ConfigureAwait(false);
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                await DiskFlush.ToDiskAsync(stream).ConfigureAwait(false);
            }

            await CommitAsync(temp, path).ConfigureAwait(false);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// Renames <paramref name="temp"/>, already whole on disk, over <paramref name="path"/> and flushes
    /// the folder, for writers that build the temporary file themselves (the event log's rewrite).
    /// </summary>
    public static void Commit(string temp, string path)
    {
        File.Move(temp, path, overwrite: true);
        FolderSync.ToDisk(FolderOf(path));
    }

    /// <inheritdoc cref="Commit"/>
    public static Task CommitAsync(string temp, string path)
    {
        File.Move(temp, path, overwrite: true);
        return DiskFlush.FolderToDiskAsync(FolderOf(path));
    }

    private static string FolderOf(string path) => Path.GetDirectoryName(Path.GetFullPath(path))!;

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The failure that brought us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
