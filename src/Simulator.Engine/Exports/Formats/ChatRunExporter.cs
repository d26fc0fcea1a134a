using Simulator.Agents.Prompts;
using Simulator.Core.Personas;
using Simulator.Core.Transcripts;
using Simulator.Storage.Catalogs;
using Simulator.Storage.Exports;

namespace Simulator.Engine.Exports.Formats;

/// <summary>
/// <c>--chat</c> (<c>--format chat</c>): OpenAI chat fine-tune records, one per run or course session
/// (<see cref="ChatExporter"/>), with the speaking side's system prompt as the run's agents had it.
/// </summary>
internal sealed class ChatRunExporter(ProtocolCatalog protocols, PersonaCatalog personas) : IRunExporter
{
    /// <summary>The format's name.</summary>
    public const string Name = "chat";

    public string Format => Name;

    public string Description => "OpenAI chat fine-tune records";

    public string FileExtension => "chat.jsonl";

    public async Task WriteAsync(ExportBatch batch, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var run in batch.Runs)
        {
            await ChatExporter.WriteAsync(run.Transcript, batch.Side, SystemPrompt(run.Transcript, batch.Side), output, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The speaking side's system prompt: the protocol's (therapist), the persona card (patient).</summary>
    private string? SystemPrompt(RunTranscript transcript, string side)
    {
        if (transcript.Configuration is not { } c)
        {
            return null;
        }

        return side == "therapist"
            ? TherapistPrompt.Render(protocols.Get(c.Protocol).Document, c.Style)
            : PatientPrompt.Card(personas.Get(c.Persona).Document.WithVariant(c.Variant));
    }
}
