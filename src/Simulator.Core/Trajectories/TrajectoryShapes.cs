using Simulator.Core.Trajectories.Shapes;

namespace Simulator.Core.Trajectories;

/// <summary>The registered trajectory shapes, by name.</summary>
public static class TrajectoryShapes
{
    private static readonly Dictionary<string, TrajectoryShape> ByName = new TrajectoryShape[]
    {
        new StableShape(), new DeclineShape(), new SpiralShape(), new AcuteCrisisShape(), new RelapseShape(), new RecoveryShape(),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    /// <summary>The shape called <paramref name="name"/>.</summary>
    public static TrajectoryShape Get(string name) =>
        ByName.TryGetValue(name, out var shape) ? shape : throw new ArgumentException($"Unknown trajectory shape '{name}'.", nameof(name));
}
