using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Simulator.Models.Endpoints;
using Simulator.Models.References;

namespace Simulator.Models;

/// <summary>Registers the model layer.</summary>
public static class ModelsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the model registry and the endpoint pool, configured from the <c>Models</c> section when
    /// <paramref name="configuration"/> is given (endpoints' settings checked against their ranges at start), and the
    /// process's registry of resilience pipelines; scripted policies register themselves as <see cref="Scripted.IScriptedPolicy"/>.
    /// </summary>
    public static IServiceCollection AddSimulatorModels(this IServiceCollection services, IConfiguration? configuration = null)
    {
        var options = services.AddOptions<ModelsOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(ModelsOptions.Section));
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelsOptions>, EndpointOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // Keyed: a bare ResiliencePipelineRegistry<string> would stand in for the one Polly's DI builds for others
        // (Orleans asks ResiliencePipelineProvider<string> for its placement pipeline).
        services.TryAddKeyedSingleton(Resilience.EndpointPipelines.RegistryKey, (sp, _) => Resilience.EndpointPipelines.NewRegistry(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IEndpointLimiterFactory, LocalEndpointLimiters>();
        services.TryAddSingleton<EndpointPool>();
        services.TryAddSingleton(sp => SecretRedactor.FromEnvironment(sp.GetRequiredService<IOptions<ModelsOptions>>().Value));
        services.TryAddSingleton<IModelRegistry, ModelRegistry>();
        services.TryAddSingleton(sp => new Costs.PriceTable(sp.GetRequiredService<IOptions<ModelsOptions>>().Value));
        return services;
    }
}
