using Simulator.Core.Validation;
using Simulator.Reports.Plots;

namespace Simulator.Engine.Reports;

/// <summary>
/// Where a report is written: a temporary folder beside the target, moved into place by
/// <see cref="Commit"/> (a previous report there is replaced), so a failure never leaves a half
/// report. A target that exists and is not a report (no <c>index.html</c>) and not empty is refused.
/// </summary>
public sealed class ReportFolder : IDisposable
{
    private bool _committed;

    /// <summary>Prepares a report for <paramref name="path"/>.</summary>
    public ReportFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(path));
        if (Directory.Exists(Path) && !File.Exists(System.IO.Path.Combine(Path, "index.html")) && Directory.EnumerateFileSystemEntries(Path).Any())
        {
            throw new InvalidInputException("the folder exists and is not a report (no index.html): give a new or empty folder", Path, field: "--out");
        }

        if (File.Exists(Path))
        {
            throw new InvalidInputException("a file is in the way: --out names the report's folder", Path, field: "--out");
        }

        var parent = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(parent);
        Staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(Path)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }

        Directory.CreateDirectory(System.IO.Path.Combine(Staging, "plots"));
    }

    /// <summary>The report's folder, absolute.</summary>
    public string Path { get; }

    /// <summary>The temporary folder the report is written into.</summary>
    public string Staging { get; }

    /// <summary>Files written so far, relative to the folder.</summary>
    public List<string> Files { get; } = [];

    /// <summary>Writes a text file at <paramref name="relative"/> (a path with <c>/</c>).</summary>
    public void Write(string relative, string text) => Write(relative, file => File.WriteAllText(file, text));

    /// <summary>Writes a binary file at <paramref name="relative"/>.</summary>
    public void Write(string relative, byte[] bytes) => Write(relative, file => File.WriteAllBytes(file, bytes));

    /// <summary>Writes <paramref name="plot"/> as <c>plots/&lt;name&gt;.png</c> and <c>.svg</c>; returns their relative paths.</summary>
    public (string Png, string Svg) Write(RenderedChart plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        return Write(RenderedFigure.Of(plot));
    }

    /// <summary>Writes <paramref name="figure"/> as <c>plots/&lt;name&gt;.png</c> and <c>.svg</c>; returns their relative paths.</summary>
    public (string Png, string Svg) Write(RenderedFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var (png, svg) = ($"plots/{figure.Name}.png", $"plots/{figure.Name}.svg");
        var plot = figure;
        Write(png, plot.Png);
        Write(svg, plot.Svg);
        return (png, svg);
    }

    /// <summary>Moves the report into place, replacing a previous one.</summary>
    public void Commit()
    {
        var old = Staging.Replace(".tmp-", ".old-", StringComparison.Ordinal);
        if (Directory.Exists(Path))
        {
            Directory.Move(Path, old);
        }

        Directory.Move(Staging, Path);
        _committed = true;
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>Removes the temporary folder of a report that was not committed.</summary>
    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging))
        {
            Directory.Delete(Staging, recursive: true);
        }
    }

    private void Write(string relative, Action<string> write)
    {
        var file = System.IO.Path.Combine(Staging, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        write(file);
        Files.Add(relative);
    }
}
