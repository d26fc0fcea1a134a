using Microsoft.Extensions.AI;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;
using Simulator.Models.Resilience;

namespace Simulator.Models.References;

/// <summary>
/// A model resolved for one role: what the role's agent needs to budget its prompts, and
/// <see cref="Open"/> to get the role's own client, whose every attempt is reported.
/// </summary>
public sealed class RoleModel(
    ModelReference reference, string role, IChatClient provider, SamplingOptions sampling, ModelEndpoint? endpoint, int contextTokens, TokenCounter tokens, TimeProvider clock, SecretRedactor? secrets = null)
{
    /// <summary>The reference as given.</summary>
    public ModelReference Reference { get; } = reference;

    /// <summary>The role: <c>patient</c>, <c>therapist</c>, <c>appraisal</c>, <c>judge.&lt;name&gt;</c>.</summary>
    public string Role { get; } = role;

    /// <summary>The prompt budget in tokens past which old turns are summarised; 0 for none (the scripted models).</summary>
    public int ContextTokens { get; } = contextTokens;

    /// <summary>Counts tokens as the model does, where its tokenizer is known.</summary>
    public TokenCounter Tokens { get; } = tokens;

    /// <summary>The sampling parameters the role's calls carry.</summary>
    public SamplingOptions Sampling { get; } = sampling;

    /// <summary>The role's client; each attempt of each call goes to <paramref name="sink"/>.</summary>
    public IChatClient Open(Action<ModelCallRecord> sink) =>
        new ModelCallPipeline(provider, Role, Reference.ToString(), Sampling, Tokens, endpoint, clock, sink, secrets);
}
