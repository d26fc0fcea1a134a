using Microsoft.Extensions.DependencyInjection;
using Simulator.Engine.Exports.Formats;

namespace Simulator.Engine.Exports;

/// <summary>Registers the export formats of <c>simulator export</c>.</summary>
public static class ExportServiceCollectionExtensions
{
    /// <summary>Adds the built-in formats: jsonl, csv, md, html and chat.</summary>
    public static IServiceCollection AddRunExporters(this IServiceCollection services) => services
        .AddRunExporter<JsonlRunExporter>()
        .AddRunExporter<CsvRunExporter>()
        .AddRunExporter<MarkdownRunExporter>()
        .AddRunExporter<HtmlRunExporter>()
        .AddRunExporter<ChatRunExporter>();

    /// <summary>Adds one export format.</summary>
    public static IServiceCollection AddRunExporter<T>(this IServiceCollection services)
        where T : class, IRunExporter
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IRunExporter, T>();
        return services;
    }
}
