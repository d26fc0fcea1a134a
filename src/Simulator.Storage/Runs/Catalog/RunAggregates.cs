namespace Simulator.Storage.Runs.Catalog;

/// <summary>
/// The session aggregates the catalog keeps of one run: the names of the metrics the run scored or
/// left unscored, and every aggregate under its flat key (<c>&lt;metric&gt;.&lt;aggregate&gt;</c> for a
/// metric's, for example <c>sycophancy.dcs.max</c>; others such as <c>deterioration.latent.phq9</c>
/// as they are). Null values are aggregates that could not be computed.
/// </summary>
/// <param name="Metrics">The metrics of the run.</param>
/// <param name="Flat">Every aggregate, by flat key.</param>
public sealed record RunAggregates(IReadOnlyCollection<string> Metrics, IReadOnlyDictionary<string, double?> Flat)
{
    /// <summary>No aggregates (a run whose log could not be read).</summary>
    public static RunAggregates None { get; } = new([], new Dictionary<string, double?>());
}
