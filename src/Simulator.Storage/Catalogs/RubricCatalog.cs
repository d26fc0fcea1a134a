using Simulator.Core.Rubrics;
using Simulator.Core.Validation;

namespace Simulator.Storage.Catalogs;

/// <summary>The judge rubrics folder (<c>protocols/rubrics/*.yaml</c>).</summary>
public sealed class RubricCatalog(IReadOnlyList<string> folders) : DocumentCatalog<Rubric>(folders)
{
    /// <inheritdoc />
    protected override string Noun => "rubric";

    /// <inheritdoc />
    protected override string IdOf(Rubric document) => document.Id;

    /// <inheritdoc />
    protected override IReadOnlyList<ValidationIssue> Validate(Rubric document) => RubricRules.Validate(document);
}
