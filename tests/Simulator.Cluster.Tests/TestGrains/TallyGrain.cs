using Simulator.Cluster.Hosting;

namespace Simulator.Cluster.Tests.TestGrains;

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
