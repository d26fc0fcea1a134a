using Simulator.Reports.Transcripts;

namespace Simulator.Engine.Exports.Formats;

/// <summary><c>--format html</c>: the transcripts as one HTML page (<see cref="HtmlTranscript"/>).</summary>
internal sealed class HtmlRunExporter : IRunExporter
{
    public string Format => "html";

    public string Description => "transcripts as one HTML page";

    public string FileExtension => "html";

    public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var pages = batch.Runs.Select(r => (r.RunId, r.Transcript)).ToList();
        await output.WriteAsync(HtmlTranscript.Render(pages, batch.Study).AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
