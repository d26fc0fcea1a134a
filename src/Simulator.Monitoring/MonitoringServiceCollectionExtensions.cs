using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Simulator.Monitoring.Raters;

namespace Simulator.Monitoring;

/// <summary>Registers the monitor.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>Adds the offline rater and the learned layer with the shipped heads.</summary>
    public static IServiceCollection AddSimulatorMonitoring(this IServiceCollection services)
    {
        services.TryAddSingleton<OfflineRater>();
        services.TryAddSingleton(_ => new LearnedRater());
        return services;
    }
}
