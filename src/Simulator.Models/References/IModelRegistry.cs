namespace Simulator.Models.References;

/// <summary>Turns model references into chat clients. Thread-safe.</summary>
public interface IModelRegistry
{
    /// <summary>
    /// A new client for <paramref name="reference"/> (each role gets its own). Throws
    /// <see cref="Simulator.Core.Validation.InvalidInputException"/> for a reference that names no model here.
    /// </summary>
    Microsoft.Extensions.AI.IChatClient Create(ModelReference reference, string field);

    /// <summary>The scripted policies available, by name.</summary>
    IReadOnlyCollection<string> ScriptedPolicies { get; }
}
