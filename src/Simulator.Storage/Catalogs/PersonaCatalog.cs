using Simulator.Core.Personas;
using Simulator.Core.Validation;

namespace Simulator.Storage.Catalogs;

/// <summary>The personas folder (<c>personas/*.yaml</c>).</summary>
public sealed class PersonaCatalog(IReadOnlyList<string> folders) : DocumentCatalog<Persona>(folders)
{
    /// <inheritdoc />
    protected override string Noun => "persona";

    /// <inheritdoc />
    protected override string IdOf(Persona document) => document.Id;

    /// <inheritdoc />
    protected override IReadOnlyList<ValidationIssue> Validate(Persona document) => PersonaRules.Validate(document);
}
