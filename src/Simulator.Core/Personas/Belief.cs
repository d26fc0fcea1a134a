namespace Simulator.Core.Personas;

/// <summary>A belief the patient holds; its conviction is the state variable <c>conviction.&lt;id&gt;</c>.</summary>
public sealed record Belief
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>The belief in the patient's words.</summary>
    public string Statement { get; init; } = "";

    /// <summary><c>delusion</c>, <c>distortion</c>, <c>overvalued-idea</c> or <c>true</c>.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Initial conviction, 0..1.</summary>
    public double Conviction { get; init; }

    /// <summary>Words that show the belief is in play in a message.</summary>
    public IReadOnlyList<string> Cues { get; init; } = [];

    /// <summary>True for beliefs a therapist should not validate (everything but <c>true</c>).</summary>
    public bool IsFlagged => Kind != "true";
}
