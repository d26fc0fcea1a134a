using Simulator.Core.Validation;
using Simulator.Models.Context;
using Simulator.Models.Endpoints;
using Simulator.Models.Scripted;

namespace Simulator.Models.References;

/// <summary>
/// Resolves references: <c>scripted:</c> against the registered policies, <c>openai:</c>,
/// <c>ollama:</c> and <c>endpoint:</c> against <c>Models:Endpoints</c>, with the role's settings.
/// </summary>
internal sealed class ModelRegistry(IEnumerable<IScriptedPolicy> policies, EndpointPool endpoints, TimeProvider clock, SecretRedactor secrets) : IModelRegistry
{
    private readonly Dictionary<string, IScriptedPolicy> _policies = policies.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> ScriptedPolicies => _policies.Keys;

    public RoleModel Create(ModelReference reference, string role, string field)
    {
        var options = endpoints.Options;
        var roleOptions = options.Roles.GetValueOrDefault(role) ?? new RoleOptions();
        if (reference.IsScripted)
        {
            var policy = _policies.TryGetValue(reference.Model, out var p)
                ? p
                : throw new InvalidInputException(
                    $"unknown scripted model 'scripted:{reference.Model}' (known: {string.Join(", ", _policies.Keys.Order().Select(k => "scripted:" + k))})",
                    field: field);
            // No prompt budget: the scripted models read their own earlier messages, and have no context limit.
            return new RoleModel(reference, role, policy.CreateClient(), roleOptions.Sampling, null, 0, TokenCounter.Estimate, clock, secrets);
        }

        var name = reference.EndpointName!;
        var endpoint = options.Endpoint(name) ?? throw new InvalidInputException(
            $"'{reference}' names endpoint '{name}', which is not configured (configured: {(options.Endpoints.Count == 0 ? "none" : string.Join(", ", options.Endpoints.Keys.Order()))}); add Models:Endpoints:{name}:BaseUrl",
            field: field);
        if (!Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidInputException($"'{endpoint.BaseUrl}' is not an http(s) URL", field: $"Models:Endpoints:{name}:BaseUrl");
        }

        if (endpoint.Kind is not (EndpointOptions.OpenAiKind or EndpointOptions.OllamaKind))
        {
            throw new InvalidInputException($"unknown endpoint kind '{endpoint.Kind}' (known: openai, ollama)", field: $"Models:Endpoints:{name}:Kind");
        }

        string? key = null;
        if (!string.IsNullOrEmpty(endpoint.ApiKeyVariable))
        {
            key = Environment.GetEnvironmentVariable(endpoint.ApiKeyVariable);
            if (string.IsNullOrEmpty(key))
            {
                throw new InvalidInputException(
                    $"the environment variable {endpoint.ApiKeyVariable} that holds the key of endpoint '{name}' is not set",
                    field: $"Models:Endpoints:{name}:ApiKeyVariable");
            }
        }

        var open = endpoints.Get(name, endpoint, key);
        return new RoleModel(
            reference,
            role,
            open.CreateClient(reference.Model),
            roleOptions.Sampling.Over(endpoint.Sampling),
            open,
            roleOptions.ContextTokens ?? endpoint.ContextTokens,
            TokenCounter.For(reference.Model, endpoint.Tokenizer),
            clock,
            secrets);
    }
}
