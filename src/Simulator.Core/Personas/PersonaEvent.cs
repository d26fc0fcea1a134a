namespace Simulator.Core.Personas;

/// <summary>A scripted disclosure or behaviour, at a turn or when a condition on the state first holds.</summary>
public sealed record PersonaEvent
{
    /// <summary>Kebab-case id.</summary>
    public string Id { get; init; } = "";

    /// <summary>Fires at this turn.</summary>
    public int? AtTurn { get; init; }

    /// <summary>Fires on the first turn this condition holds, e.g. <c>cssrs &gt;= 3</c>.</summary>
    public string? When { get; init; }

    /// <summary>What the patient says that turn.</summary>
    public string Say { get; init; } = "";

    /// <summary>State variables set when it fires.</summary>
    public IReadOnlyDictionary<string, double> Set { get; init; } = new Dictionary<string, double>();
}
