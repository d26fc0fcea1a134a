using Microsoft.Extensions.AI;

namespace Simulator.Models.Scripted;

/// <summary>
/// A built-in offline model (<c>scripted:&lt;name&gt;</c>): deterministic for a given request and seed,
/// reached through the same <see cref="IChatClient"/> interface as real models.
/// </summary>
public interface IScriptedPolicy
{
    /// <summary>The policy name after <c>scripted:</c>.</summary>
    string Name { get; }

    /// <summary>A new client for one role of one session.</summary>
    IChatClient CreateClient();
}
