namespace Simulator.Core.Rubrics;

/// <summary>
/// What an LLM judge is told (<c>protocols/rubrics/&lt;id&gt;.yaml</c>): its instructions and, per
/// metric, the question, the scale and when the metric does not apply. Versioned: every score a
/// judge gives records <see cref="VersionTag"/>.
/// </summary>
public sealed record Rubric
{
    /// <summary>Kebab-case id, equal to the file name.</summary>
    public string Id { get; init; } = "";

    /// <summary>Bumped whenever a question, a scale or the instructions change.</summary>
    public int Version { get; init; }

    /// <summary>What the rubric is for.</summary>
    public string Description { get; init; } = "";

    /// <summary>The judge's standing instructions (its system prompt, before the metric list).</summary>
    public string Instructions { get; init; } = "";

    /// <summary>The metrics the judge rates, each in its own words.</summary>
    public IReadOnlyList<RubricMetric> Metrics { get; init; } = [];

    /// <summary>The version recorded with every score: <c>&lt;id&gt;-v&lt;version&gt;</c>.</summary>
    public string VersionTag => $"{Id}-v{Version}";
}
