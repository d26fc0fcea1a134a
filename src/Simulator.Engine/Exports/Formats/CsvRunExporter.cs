using Simulator.Storage.Exports;

namespace Simulator.Engine.Exports.Formats;

/// <summary><c>--format csv</c>: one row per turn (<see cref="CsvExporter"/>); the runs are read twice, for the columns, then the rows.</summary>
internal sealed class CsvRunExporter : IRunExporter
{
    public string Format => "csv";

    public string Description => "one row per turn";

    public string FileExtension => "csv";

    public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var csv = new CsvExporter();
        foreach (var run in batch.Runs)
        {
            csv.AddColumnsOf(run.Transcript);
        }

        await csv.WriteHeaderAsync(output, cancellationToken).ConfigureAwait(false);
        foreach (var run in batch.Runs)
        {
            await csv.WriteRowsAsync(run.RunId, run.Transcript, output, cancellationToken).ConfigureAwait(false);
        }
    }
}
