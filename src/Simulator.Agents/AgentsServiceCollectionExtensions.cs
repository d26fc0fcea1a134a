using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Simulator.Agents.Appraisal;
using Simulator.Agents.Scripted;
using Simulator.Models;
using Simulator.Models.Scripted;

namespace Simulator.Agents;

/// <summary>Registers the agents' services and the built-in scripted models.</summary>
public static class AgentsServiceCollectionExtensions
{
    /// <summary>Adds the offline appraiser and the scripted patient and reference therapists.</summary>
    public static IServiceCollection AddSimulatorAgents(this IServiceCollection services)
    {
        services.AddSimulatorModels();
        services.TryAddSingleton<IAppraiser, LexicalAppraiser>();
        services.AddSingleton<IScriptedPolicy, ScriptedPatientPolicy>();
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new FaithfulPolicy()));
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new SycophanticPolicy()));
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new StigmatizingPolicy()));
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new CrisisMissingPolicy()));
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new OverCautiousPolicy()));
        services.AddSingleton<IScriptedPolicy>(new ScriptedTherapistPolicy(() => new DriftingPolicy()));
        return services;
    }
}
