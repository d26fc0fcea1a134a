using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Simulator.Cluster.Hosting;
using Simulator.Cluster.Nodes;
using Simulator.Core.Studies;
using Simulator.Engine.Hosting;
using Simulator.Engine.Studies;
using Simulator.Storage.Catalogs;
using Simulator.Tests.Shared;

namespace Simulator.Cluster.Tests.Studies;

/// <summary>
/// The pieces of a cluster study in one test process: nodes (each its own host and services, as in
/// separate processes), and a client side with the study runner — all on the repository's personas.
/// </summary>
internal sealed class Testbed : IAsyncDisposable
{
    private readonly List<IHost> _nodes = [];

    /// <summary>A testbed in <paramref name="root"/>; <paramref name="settings"/> apply everywhere, <paramref name="nodeSettings"/> on nodes only.</summary>
    public Testbed(string root, IReadOnlyDictionary<string, string?>? settings = null, IReadOnlyDictionary<string, string?>? nodeSettings = null)
    {
        Root = root;
        var common = new Dictionary<string, string?>
        {
            ["Simulator:PersonasPath"] = RepoPaths.Personas,
            ["Simulator:ProtocolsPath"] = RepoPaths.Protocols,
            ["Simulator:RubricsPath"] = RepoPaths.Rubrics,
            ["Simulator:RunsPath"] = Path.Combine(root, "runs"),
        }.Concat(settings ?? new Dictionary<string, string?>()).ToList();
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(common).Build();
        NodeConfiguration = new ConfigurationBuilder().AddInMemoryCollection(common).AddInMemoryCollection(nodeSettings ?? new Dictionary<string, string?>()).Build();
        Services = new ServiceCollection().AddLogging().AddSimulator(Configuration).BuildServiceProvider();
    }

    public static ILoggerFactory Quiet { get; } = LoggerFactory.Create(_ => { });

    public string Root { get; }

    public IConfiguration Configuration { get; }

    public IConfiguration NodeConfiguration { get; }

    public ServiceProvider Services { get; }

    public IReadOnlyList<IHost> Nodes => _nodes;

    /// <summary>Starts a node of <paramref name="cluster"/> on free ports.</summary>
    public async Task<IHost> StartNodeAsync(ClusterConfig cluster)
    {
        var node = SimulatorNode.Build(NodeConfiguration, cluster, ClusterHosting.FreePort(), ClusterHosting.FreePort(), Quiet);
        await node.StartAsync();
        _nodes.Add(node);
        return node;
    }

    /// <summary>A study written to a file in the testbed, with its runs.</summary>
    public (CatalogEntry<Study> Study, IReadOnlyList<StudyJob> Jobs) Study(string yaml)
    {
        var file = Path.Combine(Root, "study.yaml");
        File.WriteAllText(file, yaml);
        var study = Services.GetRequiredService<StudyCatalog>().Get(file);
        return (study, Services.GetRequiredService<StudyRunner>().Expand(study));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.StopAsync(CancellationToken.None);
            node.Dispose();
        }

        await Services.DisposeAsync();
    }
}
