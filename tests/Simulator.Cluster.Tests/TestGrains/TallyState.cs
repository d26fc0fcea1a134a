namespace Simulator.Cluster.Tests.TestGrains;

/// <summary>The stored state of a <see cref="TallyGrain"/>.</summary>
[GenerateSerializer]
public sealed class TallyState
{
    [Id(0)]
    public int Total { get; set; }
}
