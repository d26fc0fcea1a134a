using Simulator.Core.Personas;
using Simulator.Core.Protocols;
using Simulator.Core.Runs;
using Simulator.Engine.Runs;
using Simulator.Models.References;

namespace Simulator.Engine.Sessions;

/// <summary>
/// Everything a session needs, resolved and validated: the configuration, the documents and the
/// models. An LLM patient appraises through <see cref="AppraisalModel"/> (its own model, role
/// <c>appraisal</c>); the scripted patient has none and uses the offline appraiser. The monitor
/// is resolved with the session, so a bad judge reference fails before anything is written.
/// </summary>
public sealed record SessionPlan(
    RunConfiguration Configuration,
    Persona Persona,
    Protocol Protocol,
    RoleModel PatientModel,
    RoleModel TherapistModel,
    RoleModel? AppraisalModel,
    MonitorPlan Monitor);
