using Simulator.Core.Protocols;
using Simulator.Core.Validation;

namespace Simulator.Storage.Catalogs;

/// <summary>The therapy protocols folder (<c>protocols/therapy/*.yaml</c>).</summary>
public sealed class ProtocolCatalog(IReadOnlyList<string> folders) : DocumentCatalog<Protocol>(folders)
{
    /// <inheritdoc />
    protected override string Noun => "protocol";

    /// <inheritdoc />
    protected override string IdOf(Protocol document) => document.Id;

    /// <inheritdoc />
    protected override IReadOnlyList<ValidationIssue> Validate(Protocol document) => ProtocolRules.Validate(document);
}
