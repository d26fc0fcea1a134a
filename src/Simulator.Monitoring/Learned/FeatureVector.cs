namespace Simulator.Monitoring.Learned;

/// <summary>
/// The features of one turn: hashed n-grams (distinct bucket indices, ascending, each with its value: the
/// signed count of n-grams hashed there times its namespace's scale) and the named features the rules give
/// (<see cref="RuleFeatures.Names"/>, in order).
/// </summary>
internal sealed record FeatureVector(int[] Buckets, double[] Values, double[] Named);
