using Microsoft.Extensions.AI;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Recording;
using Polly;
using Simulator.Models.Pipeline;
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

    /// <summary>
    /// The role's client; each attempt of each call goes to <paramref name="sink"/>. Its pipeline, outermost first:
    /// the role's sampling parameters; one OpenTelemetry span per call (GenAI conventions, source
    /// <see cref="ModelTelemetry.SourceName"/>) while anything listens; the retries; the recording of each attempt;
    /// then for an endpoint its limits, breaker and timeout, and the reply checks. Disposing it leaves the provider
    /// client open: an endpoint's clients are shared by every session on it.
    /// </summary>
    public IChatClient Open(Action<ModelCallRecord> sink)
    {
        var model = Reference.ToString();
        var builder = new ChatClientBuilder(provider).UseSampling(Sampling);
        if (endpoint is not null)
        {
            // The session context is for the built-in models; nothing of it goes over the wire.
            builder.UseNoSessionContext();
        }

        if (ModelTelemetry.IsListened)
        {
            builder.UseOpenTelemetry(sourceName: ModelTelemetry.SourceName);
        }

        builder
            .UseRetries(endpoint?.Retries ?? ResiliencePipeline.Empty, Role, model)
            .UseCallRecording(model, sink, secrets ?? SecretRedactor.None, clock);
        if (endpoint is not null)
        {
            builder
                .UseEndpointLimits(endpoint, Tokens)
                .UseAttemptGuard(endpoint, secrets ?? SecretRedactor.None, clock)
                .UseReplyCheck();
        }

        return builder.Build();
    }
}
