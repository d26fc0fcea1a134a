using System.Collections.Immutable;

namespace Simulator.Core.Clinical;

/// <summary>
/// The patient's latent clinical state: named variables in instrument units (see
/// <see cref="StateVariables"/>). Immutable; every change returns a new state clamped to range.
/// </summary>
public sealed record ClinicalState(ImmutableSortedDictionary<string, double> Variables)
{
    /// <summary>An empty state.</summary>
    public static ClinicalState Empty { get; } = new(ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The value of a variable; throws when the state does not have it.</summary>
    public double this[string name] => Variables.TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"The clinical state has no variable '{name}'.");

    /// <summary>The value of a variable, or null.</summary>
    public double? Get(string name) => Variables.TryGetValue(name, out var v) ? v : null;

    /// <summary>This state with one variable set, clamped to its range.</summary>
    public ClinicalState With(string name, double value)
    {
        var range = StateVariables.RangeOf(name) ?? throw new ArgumentException($"'{name}' is not a state variable.", nameof(name));
        return new ClinicalState(Variables.SetItem(name, Math.Clamp(value, range.Min, range.Max)));
    }

    /// <summary>The value scaled to 0..1 of its range.</summary>
    public double Normalised(string name)
    {
        var range = StateVariables.RangeOf(name) ?? throw new ArgumentException($"'{name}' is not a state variable.", nameof(name));
        return (this[name] - range.Min) / (range.Max - range.Min);
    }

    /// <summary>The belief ids this state tracks conviction for.</summary>
    public IEnumerable<string> Beliefs => Variables.Keys
        .Where(k => k.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal))
        .Select(k => k[StateVariables.ConvictionPrefix.Length..]);

    /// <summary>Value equality over the variables.</summary>
    public bool Equals(ClinicalState? other) => other is not null && Variables.SequenceEqual(other.Variables);

    /// <inheritdoc />
    public override int GetHashCode() => Variables.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value));
}
