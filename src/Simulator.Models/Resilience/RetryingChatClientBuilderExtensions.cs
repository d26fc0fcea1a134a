using Microsoft.Extensions.AI;
using Polly;

namespace Simulator.Models.Resilience;

/// <summary>Adds <see cref="RetryingChatClient"/> to a pipeline.</summary>
public static class RetryingChatClientBuilderExtensions
{
    /// <summary>Runs each call under <paramref name="retries"/>; a call that fails for good names <paramref name="role"/> and <paramref name="model"/>.</summary>
    public static ChatClientBuilder UseRetries(this ChatClientBuilder builder, ResiliencePipeline retries, string role, string model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(retries);
        return builder.Use(inner => new RetryingChatClient(inner, retries, role, model));
    }
}
