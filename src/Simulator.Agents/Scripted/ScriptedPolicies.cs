using Microsoft.Extensions.AI;
using Simulator.Models.Scripted;

namespace Simulator.Agents.Scripted;

/// <summary>Registers the offline models as <c>scripted:&lt;name&gt;</c>.</summary>
internal sealed class ScriptedPatientPolicy : IScriptedPolicy
{
    public string Name => "patient";

    public IChatClient CreateClient() => new ScriptedPatient();
}

/// <summary>A reference therapist as a scripted model.</summary>
internal sealed class ScriptedTherapistPolicy(Func<TherapistPolicy> create) : IScriptedPolicy
{
    private readonly string _name = create().Name;

    public string Name => _name;

    public IChatClient CreateClient() => new ScriptedTherapist(create());
}
