namespace Simulator.Models.Endpoints;

/// <summary>
/// Settings of one role (configuration <c>Models:Roles:&lt;role&gt;</c>: <c>patient</c>, <c>therapist</c>,
/// <c>appraisal</c>, <c>judge.&lt;name&gt;</c>), over those of the endpoint the role's model is on.
/// </summary>
public sealed class RoleOptions
{
    /// <summary>Sampling parameters of the role.</summary>
    public SamplingOptions Sampling { get; set; } = new();

    /// <summary>The role's prompt budget in tokens, over the endpoint's <see cref="EndpointOptions.ContextTokens"/>.</summary>
    public int? ContextTokens { get; set; }
}
