using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Simulator.FakeModelServer;
using Simulator.Models.Recording;
using Simulator.Models.References;

namespace Simulator.Models.Tests;

/// <summary>A fake model server on loopback and the model layer configured to reach it as endpoint <c>local</c>.</summary>
internal sealed class LoopbackEndpoint : IAsyncDisposable
{
    public const string KeyVariable = "SIMULATOR_TEST_LOOPBACK_KEY";
    public const string Key = "sk-loopback-7f3a9c2e41d8";

    private readonly ServiceProvider _services;

    private LoopbackEndpoint(FakeModelServer.FakeModelServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public FakeModelServer.FakeModelServer Server { get; }

    public List<ModelCallRecord> Calls { get; } = [];

    public static async Task<LoopbackEndpoint> StartAsync(FakeServerOptions options, string kind = "openai", IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        Environment.SetEnvironmentVariable(KeyVariable, Key);
        var server = await FakeModelServer.FakeModelServer.StartAsync(options with { ExpectedApiKey = kind == "openai" ? Key : null });
        var values = new Dictionary<string, string?>
        {
            ["Models:Endpoints:local:BaseUrl"] = kind == "openai" ? server.BaseUrl.ToString() : server.Root.ToString(),
            ["Models:Endpoints:local:Kind"] = kind,
            ["Models:Endpoints:local:ApiKeyVariable"] = kind == "openai" ? KeyVariable : null,
            ["Models:Endpoints:local:TimeoutSeconds"] = "15",  // generous: a loaded 2-core CI machine (load 16 measured) must not turn faults into timeouts
            ["Models:Endpoints:local:MaxConcurrency"] = "64",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            values[k] = v;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var collection = new ServiceCollection();
        if (clock is not null)
        {
            collection.AddSingleton(clock);
        }

        var services = collection.AddSimulatorModels(configuration).BuildServiceProvider();
        return new LoopbackEndpoint(server, services);
    }

    public RoleModel Model(string role = "therapist") =>
        _services.GetRequiredService<IModelRegistry>().Create(ModelReference.Parse("endpoint:local/fake-model", "--therapist"), role, "--therapist");

    public Microsoft.Extensions.AI.IChatClient Client(string role = "therapist") => Model(role).Open(call =>
    {
        lock (Calls)
        {
            Calls.Add(call);
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
