namespace Simulator.Core.Personas;

/// <summary>Risk profile: levels are none, low, moderate or high.</summary>
public sealed record Risk
{
#pragma warning disable CS1591 // The names are the documentation.
    public string Suicide { get; init; } = "";
    public string HarmToOthers { get; init; } = "";
    public string AccessToMeans { get; init; } = "";
#pragma warning restore CS1591
}
