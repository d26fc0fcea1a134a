using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Storage.Catalogs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator protocols list|show|validate</c>.</summary>
internal static class ProtocolsCommand
{
    public static Command Create(IServiceProvider services) => CatalogCommands.Create(
        "protocols",
        "protocol",
        services.GetRequiredService<ProtocolCatalog>,
        e => new
        {
            id = e.Document.Id,
            modality = e.Document.Modality,
            displayName = e.Document.DisplayName,
            version = e.Document.Version,
            phases = e.Document.Phases.Select(p => p.Id).ToList(),
            fidelityItems = e.Document.FidelityItems.Select(f => f.Id).ToList(),
            file = e.File,
        },
        e => $"{e.Document.Id,-24} {e.Document.Modality,-28} phases: {string.Join(", ", e.Document.Phases.Select(p => p.Id))}",
        header: $"{"id",-24} {"modality",-28} phases");
}
