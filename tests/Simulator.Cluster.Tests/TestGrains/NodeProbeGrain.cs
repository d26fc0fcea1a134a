using Orleans.Placement;
using Orleans.Runtime;

namespace Simulator.Cluster.Tests.TestGrains;

/// <summary>A grain that tells which node it runs on.</summary>
public interface INodeProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The address of the silo this activation lives on.</summary>
    Task<string> NodeAsync();
}

/// <summary>Placed at random, so that many of them spread over every node.</summary>
[RandomPlacement]
public sealed class NodeProbeGrain(ILocalSiloDetails silo) : Grain, INodeProbeGrain
{
    public Task<string> NodeAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
