using Orleans.Placement;
using Orleans.Runtime;

namespace Simulator.Cluster.Tests.TestGrains;

/// <summary>Placed at random, so that many of them spread over every node.</summary>
[RandomPlacement]
public sealed class NodeProbeGrain(ILocalSiloDetails silo) : Grain, INodeProbeGrain
{
    public Task<string> NodeAsync() => Task.FromResult(silo.SiloAddress.ToParsableString());
}
