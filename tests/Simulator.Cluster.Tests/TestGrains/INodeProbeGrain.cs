namespace Simulator.Cluster.Tests.TestGrains;

/// <summary>A grain that tells which node it runs on.</summary>
public interface INodeProbeGrain : IGrainWithIntegerKey
{
    /// <summary>The address of the silo this activation lives on.</summary>
    Task<string> NodeAsync();
}
