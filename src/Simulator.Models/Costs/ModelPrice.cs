namespace Simulator.Models.Costs;

/// <summary>
/// What one model costs (configuration <c>Models:Prices:&lt;n&gt;</c>): per million tokens, in the
/// table's currency (<c>Models:Currency</c>). <see cref="Model"/> is a model reference
/// (<c>endpoint:local/gpt-4o-mini</c>, <c>openai:gpt-4.1</c>) or a prefix of one ending in <c>*</c>
/// (<c>endpoint:local/*</c>: every model on the endpoint); the longest match wins.
/// </summary>
public sealed class ModelPrice
{
    /// <summary>The model reference, or a prefix ending in <c>*</c>.</summary>
    public string Model { get; set; } = "";

    /// <summary>Prompt tokens not served from the provider's cache, per million.</summary>
    public double? Input { get; set; }

    /// <summary>Prompt tokens served from the provider's prefix cache, per million; <see cref="Input"/> when not given.</summary>
    public double? CachedInput { get; set; }

    /// <summary>Completion tokens, per million.</summary>
    public double? Output { get; set; }
}
