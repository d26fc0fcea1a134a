namespace Simulator.Core.Personas;

/// <summary>The named shape of the course: stable, decline, spiral, acute-crisis, relapse or recovery.</summary>
public sealed record Trajectory
{
    /// <summary>The shape's name.</summary>
    public string Shape { get; init; } = "";

    /// <summary>The shapes this version knows.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["stable", "decline", "spiral", "acute-crisis", "relapse", "recovery"];
}
