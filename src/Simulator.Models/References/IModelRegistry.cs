namespace Simulator.Models.References;

/// <summary>Turns model references into role models. Thread-safe.</summary>
public interface IModelRegistry
{
    /// <summary>
    /// Resolves <paramref name="reference"/> for <paramref name="role"/>. Throws
    /// <see cref="Simulator.Core.Validation.InvalidInputException"/> (naming <paramref name="field"/>) for a
    /// reference that names no model here, an endpoint that is not configured, or a key variable that is not set.
    /// </summary>
    RoleModel Create(ModelReference reference, string role, string field);

    /// <summary>The scripted policies available, by name.</summary>
    IReadOnlyCollection<string> ScriptedPolicies { get; }
}
