using Microsoft.Extensions.AI;

namespace Simulator.Models.Resilience;

/// <summary>Adds <see cref="ReplyCheckChatClient"/> to a pipeline.</summary>
public static class ReplyCheckChatClientBuilderExtensions
{
    /// <summary>Refuses refusals, empty and cut-off replies, and structured replies that do not fit their schema.</summary>
    public static ChatClientBuilder UseReplyCheck(this ChatClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use(inner => new ReplyCheckChatClient(inner));
    }
}
