using Microsoft.Extensions.AI;
using Simulator.Models.Context;

namespace Simulator.Models.Endpoints;

/// <summary>Adds <see cref="EndpointLimitsChatClient"/> to a pipeline.</summary>
public static class EndpointLimitsChatClientBuilderExtensions
{
    /// <summary>Holds each attempt to <paramref name="endpoint"/>'s limits; prompts are counted with <paramref name="tokens"/> when it limits tokens.</summary>
    public static ChatClientBuilder UseEndpointLimits(this ChatClientBuilder builder, ModelEndpoint endpoint, TokenCounter tokens)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        return builder.Use(inner => new EndpointLimitsChatClient(inner, endpoint.Limits, endpoint.Options.TokensPerMinute > 0, tokens));
    }
}
