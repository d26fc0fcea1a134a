using Microsoft.Extensions.AI;
using Simulator.Models.Endpoints;

namespace Simulator.Models.Resilience;

/// <summary>Adds <see cref="AttemptGuardChatClient"/> to a pipeline.</summary>
public static class AttemptGuardChatClientBuilderExtensions
{
    /// <summary>
    /// Runs each attempt under <paramref name="endpoint"/>'s breaker and timeout, its faults classified and every key
    /// <paramref name="secrets"/> knows scrubbed from their messages.
    /// </summary>
    public static ChatClientBuilder UseAttemptGuard(this ChatClientBuilder builder, ModelEndpoint endpoint, SecretRedactor secrets, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(secrets);
        return builder.Use(inner => new AttemptGuardChatClient(
            inner, endpoint.Attempt, endpoint.Options.TimeoutSeconds, endpoint.Options.BreakerBreakSeconds, text => secrets.Redact(endpoint.Scrub(text)), clock));
    }
}
