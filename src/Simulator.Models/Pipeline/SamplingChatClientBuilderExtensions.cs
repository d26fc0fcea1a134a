using Microsoft.Extensions.AI;
using Simulator.Models.Endpoints;

namespace Simulator.Models.Pipeline;

/// <summary>
/// The role's sampling parameters, filled into every request that does not set them, through
/// Microsoft.Extensions.AI's <see cref="ConfigureOptionsChatClient"/> (which hands each call its own copy
/// of the options: the middlewares below it may take that copy as the identity of the call).
/// </summary>
public static class SamplingChatClientBuilderExtensions
{
    /// <summary>
    /// Fills temperature, top-p and the token cap from <paramref name="sampling"/> where the request leaves them
    /// unset, and drops the seed when <see cref="SamplingOptions.SendSeed"/> is false.
    /// </summary>
    public static ChatClientBuilder UseSampling(this ChatClientBuilder builder, SamplingOptions sampling)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sampling);
        return builder.ConfigureOptions(request =>
        {
            request.Temperature ??= (float?)sampling.Temperature;
            request.TopP ??= (float?)sampling.TopP;
            request.MaxOutputTokens ??= sampling.MaxTokens;
            if (sampling.SendSeed == false)
            {
                request.Seed = null;
            }
        });
    }

    /// <summary>
    /// Drops the request's additional properties: the session context the built-in models read, which is
    /// nothing a model server is sent.
    /// </summary>
    public static ChatClientBuilder UseNoSessionContext(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureOptions(request => request.AdditionalProperties = null);
    }
}
