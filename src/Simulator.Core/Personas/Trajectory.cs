namespace Simulator.Core.Personas;

/// <summary>
/// The named shape of the course and its parameters: stable, decline, spiral, acute-crisis,
/// relapse or recovery (see <c>personas/README.md</c>).
/// </summary>
public sealed record Trajectory
{
    /// <summary>The shape's name.</summary>
    public string Shape { get; init; } = "";

    /// <summary>Scales the shape's own pull (0..5, default 1).</summary>
    public double Rate { get; init; } = 1;

    /// <summary>acute-crisis: the crisis turn; relapse: the turn the relapse starts.</summary>
    public int? Turn { get; init; }

    /// <summary>acute-crisis, instead of <see cref="Turn"/>: the crisis comes when this first holds.</summary>
    public string? When { get; init; }

    /// <summary>acute-crisis: the state reached at the crisis.</summary>
    public IReadOnlyDictionary<string, double> Target { get; init; } = new Dictionary<string, double>();

    /// <summary>The shapes this version knows.</summary>
    public static IReadOnlyList<string> Shapes { get; } = ["stable", "decline", "spiral", "acute-crisis", "relapse", "recovery"];
}
