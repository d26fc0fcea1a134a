namespace Simulator.Models.Resilience;

/// <summary>A call that failed on every attempt it was allowed, or with a fault that is never retried.</summary>
public sealed class ModelCallFailedException(string role, string model, int attempts, ModelFaultException last)
    : Exception($"the {role} model {model} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {last.Summary}", last)
{
    /// <summary>The last attempt's fault.</summary>
    public ModelFaultException LastFault { get; } = last;
}
