namespace Simulator.Cluster.Tests.TestGrains;

/// <summary>A running total kept in the cluster's database.</summary>
public interface ITallyGrain : IGrainWithStringKey
{
    /// <summary>Adds to the total, writes it, and returns it.</summary>
    Task<int> AddAsync(int amount);

    /// <summary>The total as read from storage when the grain activated, plus what was added since.</summary>
    Task<int> TotalAsync();

    /// <summary>Clears the stored total.</summary>
    Task ClearAsync();
}
