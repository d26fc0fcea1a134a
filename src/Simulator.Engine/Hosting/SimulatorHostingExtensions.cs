using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Simulator.Agents;
using Simulator.Core.Time;
using Simulator.Engine.Exports;
using Simulator.Engine.Runs;
using Simulator.Models;
using Simulator.Monitoring;
using Simulator.Monitoring.Raters;
using Simulator.Storage.Catalogs;

namespace Simulator.Engine.Hosting;

/// <summary>Composes the engine: the one place its services are registered.</summary>
public static class SimulatorHostingExtensions
{
    /// <summary>Adds the engine, its agents, monitor, storage and the built-in scripted models.</summary>
    public static IServiceCollection AddSimulator(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(SystemClockAndIds.Clock);
        services.TryAddSingleton(SystemClockAndIds.Ids);
        services.AddSimulatorModels(configuration);
        services.AddSimulatorAgents();
        services.AddSimulatorMonitoring();
        services.AddSingleton<IRater>(sp => sp.GetRequiredService<OfflineRater>());
        services.AddSingleton<IRater>(sp => sp.GetRequiredService<LearnedRater>());
        services.AddSingleton(sp => new PersonaCatalog(SimulatorOptions.SearchPaths(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.PersonasPath)));
        services.AddSingleton(sp => new ProtocolCatalog(SimulatorOptions.SearchPaths(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.ProtocolsPath)));
        services.AddSingleton(sp => new StudyCatalog(SimulatorOptions.SearchPaths(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.StudiesPath)));
        services.AddSingleton(sp => new RubricCatalog(SimulatorOptions.SearchPaths(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value.RubricsPath)));
        services.AddSingleton<RunStores>();
        services.AddSingleton<RunResolver>();
        services.AddSingleton<SessionRunner>();
        services.AddSingleton<RunResumer>();
        services.AddSingleton<RunBrancher>();
        services.AddSingleton<RunVerifier>();
        services.AddSingleton<RunService>();
        services.AddSingleton<Studies.EndpointSlots>();
        services.AddSingleton<Studies.LocalSessionExecutor>();
        services.AddSingleton<Studies.StudyRunner>();
        services.AddSingleton<Scoring.RunRescorer>();
        services.AddSingleton<TrajectoryPreview>();
        services.AddRunExporters();
        return services;
    }
}
