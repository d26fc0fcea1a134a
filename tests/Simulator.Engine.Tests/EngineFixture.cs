using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Simulator.Core.Time;
using Simulator.Engine.Hosting;
using Simulator.Engine.Runs;
using Simulator.Monitoring.Raters;
using Simulator.Tests.Shared;

namespace Simulator.Engine.Tests;

/// <summary>The engine composed as the CLI composes it, over the repository's personas and protocols, with pinned time and ids.</summary>
internal sealed class EngineFixture : IDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="configure">more services.</param>
    /// <param name="settings">more configuration (e.g. <c>Models:Endpoints:…</c>).</param>
    /// <param name="clock">the clock; by default a pinned fake one. Sessions against real servers need the real one, for timeouts and Retry-After waits.</param>
    public EngineFixture(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        RunsRoot = RepoPaths.TempFolder("runs");
        var values = new Dictionary<string, string?>
        {
            ["Simulator:PersonasPath"] = RepoPaths.Personas,
            ["Simulator:ProtocolsPath"] = RepoPaths.Protocols,
            ["Simulator:RubricsPath"] = RepoPaths.Rubrics,
            ["Simulator:RunsPath"] = RunsRoot,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(clock ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(3) });
        services.AddSingleton<IIdGenerator>(new CountingIds());
        services.AddSimulator(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public string RunsRoot { get; }

    public RunService Runs => _services.GetRequiredService<RunService>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();

    private sealed class CountingIds : IIdGenerator
    {
        private int _next;

        public string NewId(int hexLength) => Interlocked.Increment(ref _next).ToString("x" + hexLength, System.Globalization.CultureInfo.InvariantCulture);
    }
}
