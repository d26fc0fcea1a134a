using System.Buffers.Binary;
using System.IO.Hashing;
using Simulator.Core.Events;
using Simulator.Storage.Files;

namespace Simulator.Storage.EventLog;

/// <summary>
/// Appends framed, checksummed events to a run's log. One writer per run; not thread-safe (the
/// log writer task owns it). Opening an existing log drops a torn tail before appending, after
/// keeping the whole file as a backup (<see cref="LogBackup"/>); a log with damage that valid frames
/// follow is refused (it needs a salvage, which is a rewrite). Rewrites keep a backup too. New logs
/// are chained (<see cref="LogFormat.ChainedHeader"/>); a log of self-contained frames
/// (<see cref="LogFormat.Header"/>, written by earlier versions) is appended to in its own format.
/// </summary>
public sealed class EventLogWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly ChainedFrames.Encoder? _chain;

    private EventLogWriter(FileStream stream, bool selfContained)
    {
        _stream = stream;
        _chain = selfContained ? null : new ChainedFrames.Encoder();
    }

    /// <summary>The events the log held when it was opened (empty for a new log).</summary>
    public IReadOnlyList<RunEvent> Existing { get; private init; } = [];

    /// <summary>Opens (or creates) the log at <paramref name="path"/> for appending.</summary>
    public static EventLogWriter Open(string path) => Open(path, durableHeader: true);

    /// <summary>Opens a log; a new log's header is flushed to disk at once when <paramref name="durableHeader"/>.</summary>
    private static EventLogWriter Open(string path, bool durableHeader)
    {
        var existing = File.Exists(path) ? EventLogReader.Read(path) : new LogContents([], 0, false);
        // Unbuffered: a run writes whole frames, a batch at a time, and a session held open keeps no 64 KiB buffer.
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous);
        try
        {
            var selfContained = false;
            if (existing.ValidLength < LogFormat.Header.Length)
            {
                if (stream.Length > 0)
                {
                    LogBackup.Keep(path);
                }

                stream.SetLength(0);
                stream.Write(LogFormat.ChainedHeader);
                stream.Flush(flushToDisk: durableHeader);
            }
            else
            {
                selfContained = existing.SelfContainedFrames;
                if (stream.Length != existing.ValidLength)
                {
                    // A torn tail is cut off, durably, before anything is appended after it; the file as it was is kept first.
                    LogBackup.Keep(path);
                    stream.SetLength(existing.ValidLength);
                    stream.Flush(flushToDisk: true);
                }

                stream.Position = existing.ValidLength;
            }

            return new EventLogWriter(stream, selfContained) { Existing = existing.Events };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Replaces the log at <paramref name="path"/> with <paramref name="events"/>, atomically: they are
    /// written to a new file, flushed to disk, and the file renamed over the old log
    /// (<see cref="AtomicFile.CommitAsync"/>), so a crash at any moment leaves either the old log or the new one. An existing log is kept as a backup first
    /// (<see cref="LogBackup"/>), so a rewrite never loses what it leaves out.
    /// </summary>
    /// <returns>The backup of the old log, or null when there was none.</returns>
    public static async Task<string?> RewriteAsync(string path, IEnumerable<RunEvent> events)
    {
        var backup = LogBackup.Keep(path);
        var temp = path + ".rewrite";
        File.Delete(temp);
        // The new file means nothing until it is renamed over the log, after it is flushed to disk whole.
        var writer = Open(temp, durableHeader: false);
        await using (writer.ConfigureAwait(false))
        {
            foreach (var e in events)
            {
                await writer.AppendAsync(e, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await AtomicFile.CommitAsync(temp, path).ConfigureAwait(false);
        return backup;
    }

    /// <summary>Appends one event as a frame of its own (buffered until <see cref="FlushAsync"/>).</summary>
    public ValueTask AppendAsync(RunEvent e, CancellationToken cancellationToken)
    {
        if (_chain is null)
        {
            return _stream.WriteAsync(Frame(EventSerializer.Serialize(e)), cancellationToken);
        }

        _chain.Add(e);
        return _stream.WriteAsync(Frame(_chain.Payload()), cancellationToken);
    }

    /// <summary>
    /// Appends <paramref name="batch"/> as one frame (a log of self-contained frames: one each; a batch
    /// past <see cref="LogFormat.MaxBatchBytes"/>: several), buffered until <see cref="FlushAsync"/>.
    /// A torn write loses the frame whole, so a batch should be events that belong together.
    /// </summary>
    public async ValueTask AppendAsync(IReadOnlyList<RunEvent> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_chain is null)
        {
            foreach (var e in batch)
            {
                await _stream.WriteAsync(Frame(EventSerializer.Serialize(e)), cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        foreach (var e in batch)
        {
            _chain.Add(e);
            if (_chain.Pending >= LogFormat.MaxBatchBytes)
            {
                await _stream.WriteAsync(Frame(_chain.Payload()), cancellationToken).ConfigureAwait(false);
            }
        }

        if (_chain.Pending > 0)
        {
            await _stream.WriteAsync(Frame(_chain.Payload()), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Hands buffered frames to the operating system, so they survive the process dying.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _stream.FlushAsync(cancellationToken);

    /// <summary>Flushes to disk (awaiting the disk on a thread of its own, not the pool's) and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await DiskFlush.ToDiskAsync(_stream).ConfigureAwait(false);
            await _stream.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _chain?.Dispose();
        }
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[LogFormat.FrameHeaderSize + payload.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), Crc32.HashToUInt32(payload));
        payload.CopyTo(frame, LogFormat.FrameHeaderSize);
        return frame;
    }
}
