using Microsoft.Extensions.AI;
using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Runs;

namespace Simulator.Engine.Sessions;

/// <summary>Everything a session needs, resolved and validated: the configuration, the documents and the models.</summary>
public sealed record SessionPlan(
    RunConfiguration Configuration,
    Persona Persona,
    Protocol Protocol,
    IChatClient PatientModel,
    IChatClient TherapistModel);
