using Simulator.Core.Personas;

namespace Simulator.Agents.Appraisal;

/// <summary>Decides which therapist acts a reply performed, as the patient perceives them. Thread-safe.</summary>
public interface IAppraiser
{
    /// <summary>A name recorded with the appraisal.</summary>
    string Name { get; }

    /// <summary>The acts of <paramref name="reply"/> to <paramref name="patientMessage"/>.</summary>
    Task<IReadOnlyList<string>> AppraiseAsync(Persona persona, string patientMessage, string reply, CancellationToken cancellationToken);
}
