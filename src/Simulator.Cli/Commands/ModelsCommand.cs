using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Simulator.Core.Validation;
using Simulator.Models.Endpoints;
using Simulator.Models.References;

namespace Simulator.Cli.Commands;

/// <summary><c>simulator models list|check &lt;ref&gt;</c>: the models this configuration can reach, and a live check of one.</summary>
internal static class ModelsCommand
{
    public static Command Create(IServiceProvider services)
    {
        // Resolved when a subcommand runs, not when the command line is built: --help needs no configuration.
        IModelRegistry Registry() => services.GetRequiredService<IModelRegistry>();
        var json = new Option<bool>("--json") { Description = "Print JSON" };

        var list = new Command("list", "The built-in scripted models and the configured endpoints (keys are never shown, only whether their variable is set)") { json };
        list.SetAction(parse => CommandAction.Guard(() =>
        {
            var options = services.GetRequiredService<EndpointPool>().Options;
            var names = options.Endpoints.Keys.Union([ModelsOptions.OpenAiEndpoint, ModelsOptions.OllamaEndpoint]).Order(StringComparer.Ordinal);
            var endpoints = names.Select(name => (name, e: options.Endpoint(name)!)).Select(x => new
            {
                name = x.name,
                reference = x.name is ModelsOptions.OpenAiEndpoint or ModelsOptions.OllamaEndpoint && !options.Endpoints.ContainsKey(x.name) ? $"{x.name}:<model>" : $"endpoint:{x.name}/<model>",
                kind = x.e.Kind,
                baseUrl = x.e.BaseUrl,
                apiKeyVariable = x.e.ApiKeyVariable,
                keySet = x.e.ApiKeyVariable is null ? (bool?)null : !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(x.e.ApiKeyVariable)),
                maxConcurrency = x.e.MaxConcurrency,
                requestsPerMinute = x.e.RequestsPerMinute,
                tokensPerMinute = x.e.TokensPerMinute,
                timeoutSeconds = x.e.TimeoutSeconds,
                contextTokens = x.e.ContextTokens,
            }).ToList();
            var scripted = Registry().ScriptedPolicies.Order(StringComparer.Ordinal).Select(p => "scripted:" + p).ToList();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new { scripted, endpoints });
                return ExitCodes.Success;
            }

            Console.Out.WriteLine($"scripted   {string.Join(", ", scripted)}");
            foreach (var e in endpoints)
            {
                var key = e.apiKeyVariable is null ? "no key" : $"key from {e.apiKeyVariable} ({(e.keySet == true ? "set" : "NOT set")})";
                Console.Out.WriteLine($"endpoint   {e.reference,-26} {e.kind,-7} {e.baseUrl}  {key}  concurrency {e.maxConcurrency}, rpm {Limit(e.requestsPerMinute)}, tpm {Limit(e.tokensPerMinute)}");
            }

            return ExitCodes.Success;
        }));

        var reference = new Argument<string>("ref") { Description = "A model reference, e.g. endpoint:local/qwen2.5-7b" };
        var check = new Command("check", "Call the model: connectivity, latency, and whether it honours a seed and JSON output") { reference, json };
        check.SetAction((parse, cancellationToken) => CommandAction.Guard(async () =>
        {
            var model = Registry().Create(ModelReference.Parse(parse.GetValue(reference)!, "ref"), "check", "ref");
            if (model.Reference.IsScripted)
            {
                throw new InvalidInputException($"'{model.Reference}' is a built-in scripted model: it answers only inside a session (try 'simulator run --therapist {model.Reference}')", field: "ref");
            }

            var result = await ModelCheck.RunAsync(model, cancellationToken);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(result);
            }
            else
            {
                Console.Out.WriteLine($"model      {result.Model}");
                Console.Out.WriteLine($"reachable  {(result.Reachable ? "yes" : "no")}{(result.Error is null ? "" : $": {result.Error}")}");
                if (result.Reachable)
                {
                    Console.Out.WriteLine($"latency    {result.LatencyMs:0} ms (first call)");
                    Console.Out.WriteLine($"seed       {(result.SeedHonoured == true ? "honoured (same seed, same reply)" : "not honoured (same seed, different replies)")}");
                    Console.Out.WriteLine($"json       {(result.JsonHonoured == true ? "honoured" : "not honoured")}");
                    Console.Out.WriteLine($"tokens     {result.PromptTokens} in, {result.CompletionTokens} out; {result.FailedAttempts} failed attempts");
                }
            }

            return result.Reachable ? ExitCodes.Success : ExitCodes.Failure;
        }));

        return new Command("models", "The models this configuration can reach") { list, check };
    }

    private static string Limit(int value) => value > 0 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited";
}
