using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace Simulator.Cli;

/// <summary>
/// The compact-JSON log file (<c>simulator.clef</c>). It is written into the runs folder the command
/// works in — <c>--runs</c>, <c>run --out</c>, a study's folder, the folder a run given by path is in —
/// which is known only once the command has read its arguments, so events are held until then
/// (<see cref="UseRunsFolder"/>). A command that works in no runs folder (<c>personas</c>, <c>score</c>,
/// <c>models</c>, ...) logs into the configured runs folder when it exists, and otherwise only to
/// standard error: the program never creates a folder of its own in the working directory to log.
/// <c>Logging:File</c> names a fixed file instead.
/// </summary>
internal sealed class LogFile : ILogEventSink, IDisposable
{
    /// <summary>The file's name in the runs folder.</summary>
    public const string FileName = "simulator.clef";

    /// <summary>Events held before the folder is known, at most.</summary>
    private const int MaxHeld = 20_000;

    private static LogFile? _current;

    private readonly Lock _gate = new();
    private readonly Queue<LogEvent> _held = new();
    private readonly string _fallbackFolder;
    private readonly ITextFormatter _formatter;
    private Logger? _file;
    private string? _folder;
    private bool _disposed;

    private LogFile(string? fixedPath, string fallbackFolder, ITextFormatter formatter)
    {
        _fallbackFolder = fallbackFolder;
        _formatter = formatter;
        if (fixedPath is not null)
        {
            _file = Open(fixedPath);
        }
    }

    /// <summary>
    /// The sink for this process: the file at <paramref name="fixedPath"/> when configured, else the
    /// runs folder the command names (or <paramref name="configuredRunsFolder"/>, when it exists),
    /// each event written by <paramref name="formatter"/>.
    /// </summary>
    public static LogFile Create(string? fixedPath, string configuredRunsFolder, ITextFormatter formatter) =>
        _current = new LogFile(string.IsNullOrWhiteSpace(fixedPath) ? null : fixedPath, configuredRunsFolder, formatter);

    /// <summary>
    /// Logs into <c>simulator.clef</c> in <paramref name="runsFolder"/> from now on, once the folder exists
    /// (the first folder named wins; events are held until then).
    /// </summary>
    public static void UseRunsFolder(string runsFolder) => _current?.Use(runsFolder);

    /// <inheritdoc/>
    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_file is null && _folder is not null && Directory.Exists(_folder))
            {
                Attach(_folder);
            }

            if (_file is null)
            {
                if (_held.Count >= MaxHeld)
                {
                    _held.Dequeue();
                }

                _held.Enqueue(logEvent);
                return;
            }
        }

        _file.Write(logEvent);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_file is null && _held.Count > 0 && (_folder ?? _fallbackFolder) is { } folder && Directory.Exists(folder))
            {
                Attach(folder);
            }

            _disposed = true;
            _held.Clear();
        }

        _file?.Dispose();
    }

    private void Use(string runsFolder)
    {
        lock (_gate)
        {
            if (_file is not null || _folder is not null || _disposed)
            {
                return;
            }

            _folder = runsFolder;
            if (Directory.Exists(runsFolder))
            {
                Attach(runsFolder);
            }
        }
    }

    // Opens the file in the folder (which exists: the log never creates a folder) and writes what was held.
    private void Attach(string folder)
    {
        _file = Open(Path.Combine(folder, FileName));
        while (_held.TryDequeue(out var e))
        {
            _file.Write(e);
        }
    }

    private Logger Open(string path) => new LoggerConfiguration()
        .MinimumLevel.Verbose()
        .WriteTo.File(_formatter, path)
        .CreateLogger();
}
