using System.Text.Json.Serialization;

namespace Simulator.Monitoring.Learned;

/// <summary>
/// How a turn becomes features (kept in the heads file, so heads are always read with the features they were
/// fitted on): 2^<see cref="Bits"/> hash buckets; the reply's, the patient message's, the recent patient messages'
/// and the previous reply's word unigrams and bigrams, each namespace scaled by its weight over the root of its n-gram count; and the
/// rules' readings, scaled by <see cref="Rules"/>.
/// </summary>
internal sealed record FeatureSpec
{
    /// <summary>The defaults the shipped heads use.</summary>
    public static FeatureSpec Default { get; } = new();

    /// <summary>log2 of the number of hash buckets.</summary>
    [JsonPropertyName("bits")]
    public int Bits { get; init; } = 16;

    /// <summary>The weight of the reply's n-grams.</summary>
    [JsonPropertyName("reply")]
    public double Reply { get; init; } = 1;

    /// <summary>The weight of the patient message's n-grams.</summary>
    [JsonPropertyName("patient")]
    public double Patient { get; init; } = 2;

    /// <summary>The weight of the recent patient messages' words (the two before this one).</summary>
    [JsonPropertyName("context")]
    public double Context { get; init; } = 1;

    /// <summary>The weight of the previous reply's n-grams.</summary>
    [JsonPropertyName("previous_reply")]
    public double PreviousReply { get; init; } = 0.5;

    /// <summary>The weight of the rules' readings.</summary>
    [JsonPropertyName("rules")]
    public double Rules { get; init; } = 1;
}
