using Microsoft.Extensions.AI;
using Simulator.Core.Validation;
using Simulator.Models.Scripted;

namespace Simulator.Models.References;

/// <summary>Resolves references against the registered scripted policies (real providers register later).</summary>
internal sealed class ModelRegistry(IEnumerable<IScriptedPolicy> policies) : IModelRegistry
{
    private readonly Dictionary<string, IScriptedPolicy> _policies = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> ScriptedPolicies => _policies.Keys;

    public IChatClient Create(ModelReference reference, string field)
    {
        if (reference.IsScripted)
        {
            return _policies.TryGetValue(reference.Model, out var policy)
                ? policy.CreateClient()
                : throw new InvalidInputException(
                    $"unknown scripted model 'scripted:{reference.Model}' (known: {string.Join(", ", _policies.Keys.Order().Select(k => "scripted:" + k))})",
                    field: field);
        }

        throw new InvalidInputException(
            $"'{reference}' needs a real model provider; this build runs the built-in scripted models only (endpoints arrive with the model-layer work)",
            field: field);
    }
}
