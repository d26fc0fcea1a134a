using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Personas;
using Simulator.Storage.Catalogs;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator personas list|show|validate</c>.</summary>
internal static class PersonasCommand
{
    public static Command Create(IServiceProvider services) => CatalogCommands.Create(
        "personas",
        "persona",
        services.GetRequiredService<PersonaCatalog>(),
        e => new
        {
            id = e.Document.Id,
            condition = e.Document.Condition.Primary,
            variants = e.Document.Variants.Select(v => v.Id).ToList(),
            displayName = e.Document.DisplayName,
            version = e.Document.Version,
            beliefs = e.Document.Presentation.Beliefs.Select(b => new { id = b.Id, kind = b.Kind, conviction = b.Conviction }).ToList(),
            trajectory = e.Document.Trajectory.Shape,
            file = e.File,
        },
        e => $"{e.Document.Id,-24} {e.Document.Condition.Primary,-30} variants: {string.Join(", ", e.Document.Variants.Select(v => v.Id))}");
}
