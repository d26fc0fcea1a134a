namespace Simulator.Engine.Exports;

/// <summary>
/// One export format of <c>simulator export</c> (<c>--format &lt;Format&gt;</c>). A new format is one
/// class implementing this and one <see cref="ExportServiceCollectionExtensions.AddRunExporter{T}"/>
/// in the composition root; the command lists and chooses the registered formats by name. Thread-safe:
/// one instance serves every export.
/// </summary>
public interface IRunExporter
{
    /// <summary>The name <c>--format</c> takes, e.g. <c>jsonl</c>.</summary>
    string Format { get; }

    /// <summary>What the format holds, for <c>--help</c>, e.g. <c>one line per turn</c>.</summary>
    string Description { get; }

    /// <summary>The ending of the files <c>--per-run</c> writes, without the dot, e.g. <c>chat.jsonl</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="batch"/>'s runs to <paramref name="output"/>.</summary>
    Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken);
}
