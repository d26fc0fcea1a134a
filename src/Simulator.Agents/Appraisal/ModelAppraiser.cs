using Microsoft.Extensions.AI;
using Simulator.Core.Personas;
using Simulator.Models.Structured;

namespace Simulator.Agents.Appraisal;

/// <summary>
/// The appraiser of an LLM patient: one structured-output call per turn through the session's
/// appraisal client (its own role, sampling and limits). The acts are recorded, so replay needs no model.
/// </summary>
public sealed class ModelAppraiser(IChatClient client) : IAppraiser
{
    /// <inheritdoc />
    public string Name => AppraisalPrompt.Version;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> AppraiseAsync(Persona persona, string patientMessage, string reply, CancellationToken cancellationToken)
    {
        var verdict = await StructuredCall.GetAsync(client, AppraisalPrompt.Messages(persona, patientMessage, reply), "appraisal", AppraisalPrompt.Schema, cancellationToken).ConfigureAwait(false);
        return AppraisalPrompt.Acts(verdict);
    }
}
