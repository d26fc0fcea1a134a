namespace Simulator.Models.Endpoints;

/// <summary>Sampling parameters; unset values fall back to the endpoint's, then the provider's defaults.</summary>
public sealed class SamplingOptions
{
    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; set; }

    /// <summary>Nucleus sampling mass.</summary>
    public double? TopP { get; set; }

    /// <summary>The reply's token cap.</summary>
    public int? MaxTokens { get; set; }

    /// <summary>False to send no seed (for servers that reject one). Default true: each call carries a seed derived from the run's.</summary>
    public bool? SendSeed { get; set; }

    /// <summary>These values, with unset ones taken from <paramref name="fallback"/>.</summary>
    public SamplingOptions Over(SamplingOptions fallback) => new()
    {
        Temperature = Temperature ?? fallback.Temperature,
        TopP = TopP ?? fallback.TopP,
        MaxTokens = MaxTokens ?? fallback.MaxTokens,
        SendSeed = SendSeed ?? fallback.SendSeed,
    };
}
