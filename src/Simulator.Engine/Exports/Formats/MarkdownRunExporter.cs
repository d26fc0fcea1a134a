using Simulator.Reports.Transcripts;

namespace Simulator.Engine.Exports.Formats;

/// <summary><c>--format md</c>: the transcripts in Markdown (<see cref="MarkdownTranscript"/>).</summary>
internal sealed class MarkdownRunExporter : IRunExporter
{
    public string Format => "md";

    public string Description => "transcripts in Markdown";

    public string FileExtension => "md";

    public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var run in batch.Runs)
        {
            await output.WriteAsync(MarkdownTranscript.Render(run.RunId, run.Transcript).AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }
}
