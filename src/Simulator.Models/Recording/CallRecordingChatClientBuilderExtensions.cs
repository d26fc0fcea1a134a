using Microsoft.Extensions.AI;
using Simulator.Models.Endpoints;

namespace Simulator.Models.Recording;

/// <summary>Adds <see cref="CallRecordingChatClient"/> to a pipeline.</summary>
public static class CallRecordingChatClientBuilderExtensions
{
    /// <summary>
    /// Reports each attempt of each call to <paramref name="sink"/>, hashed as a request to <paramref name="model"/>,
    /// with every key <paramref name="secrets"/> knows redacted; place it inside the retries, below the options.
    /// </summary>
    public static ChatClientBuilder UseCallRecording(this ChatClientBuilder builder, string model, Action<ModelCallRecord> sink, SecretRedactor secrets, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new CallRecordingChatClient(inner, model, sink, secrets, clock));
    }
}
