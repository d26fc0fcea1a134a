using Simulator.Storage.Exports;

namespace Simulator.Engine.Exports.Formats;

/// <summary><c>--format jsonl</c>: one JSON line per turn (<see cref="JsonlExporter"/>).</summary>
internal sealed class JsonlRunExporter : IRunExporter
{
    public string Format => "jsonl";

    public string Description => "one line per turn";

    public string FileExtension => "jsonl";

    public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var run in batch.Runs)
        {
            await JsonlExporter.WriteAsync(run.RunId, run.Transcript, output, cancellationToken).ConfigureAwait(false);
        }
    }
}
