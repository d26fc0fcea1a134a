using Simulator.Cluster.Hosting;

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

/// <summary>The stored state of a <see cref="TallyGrain"/>.</summary>
[GenerateSerializer]
public sealed class TallyState
{
    [Id(0)]
    public int Total { get; set; }
}

/// <summary>Keeps its total with <c>[PersistentState(..., ClusterHosting.StorageName)]</c>.</summary>
public sealed class TallyGrain([PersistentState("s", ClusterHosting.StorageName)] IPersistentState<TallyState> state) : Grain, ITallyGrain
{
    public async Task<int> AddAsync(int amount)
    {
        state.State.Total += amount;
        await state.WriteStateAsync();
        return state.State.Total;
    }

    public Task<int> TotalAsync() => Task.FromResult(state.State.Total);

    public Task ClearAsync() => state.ClearStateAsync();
}
