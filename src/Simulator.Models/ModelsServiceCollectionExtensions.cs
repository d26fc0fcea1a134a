using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Simulator.Models.References;

namespace Simulator.Models;

/// <summary>Registers the model layer.</summary>
public static class ModelsServiceCollectionExtensions
{
    /// <summary>Adds the model registry; scripted policies register themselves as <see cref="Scripted.IScriptedPolicy"/>.</summary>
    public static IServiceCollection AddSimulatorModels(this IServiceCollection services)
    {
        services.TryAddSingleton<IModelRegistry, ModelRegistry>();
        return services;
    }
}
