using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Runs;
using Simulator.Models.References;

namespace Simulator.Engine.Sessions;

/// <summary>Everything a session needs, resolved and validated: the configuration, the documents and the models.</summary>
public sealed record SessionPlan(
    RunConfiguration Configuration,
    Persona Persona,
    Protocol Protocol,
    RoleModel PatientModel,
    RoleModel TherapistModel);
