using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq.Expressions;
using System.Reflection;
using MessagePack;
using Simulator.Core.Clinical;
using Simulator.Core.Events;
using Simulator.Core.Runs;

namespace Simulator.Storage.EventLog;

/// <summary>
/// What a decoded event must satisfy before anything reads it, since saved runs are untrusted: no
/// nulls where the record declares none (strings, lists and their items, maps), finite numbers,
/// turns in range, token counts that cannot overflow a sum, and a clinical state that has every
/// base variable, knows each of its variables and keeps them in range, as the engine writes it.
/// </summary>
internal static class EventRules
{
    /// <summary>The largest turn number a log may hold (the engine's own limit on turns).</summary>
    public const int MaxTurn = 10_000_000;

    /// <summary>The most tokens one model call may report (so that sums over a whole log stay far from overflow).</summary>
    public const long MaxTokens = 10_000_000_000;

    /// <summary>
    /// The largest magnitude of any number in an event. Scores, states and latencies are far
    /// smaller; the bound keeps sums, squares and slopes over a whole log finite.
    /// </summary>
    public const double MaxMagnitude = 1e9;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>The first thing wrong with <paramref name="e"/>, as "&lt;field&gt; &lt;problem&gt;", or null when it is sound.</summary>
    public static string? Check(RunEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Shape(e, "") ?? Semantics(e);
    }

    /// <summary>Nulls and non-finite numbers anywhere in the event (and in a run's configuration). Allocates only to describe a problem.</summary>
    private static string? Shape(object value, string prefix)
    {
        foreach (var member in Members.GetOrAdd(value.GetType(), Describe))
        {
            string? problem = null, key = null;
            switch (member.Get(value))
            {
                case null when !member.Nullable:
                    problem = "is missing (null)";
                    break;
                case double d:
                    problem = Number(d);
                    break;
                case string:
                    break;
                case IEnumerable<KeyValuePair<string, double>> map:
                    foreach (var (k, v) in map)
                    {
                        if (Number(v) is { } p)
                        {
                            (key, problem) = (k, p);
                            break;
                        }
                    }

                    break;
                case IEnumerable<KeyValuePair<string, string>> map:
                    foreach (var (k, v) in map)
                    {
                        if (k is null || v is null)
                        {
                            problem = "has a null key or value";
                            break;
                        }
                    }

                    break;
                case IEnumerable items:
                    foreach (var item in items)
                    {
                        if (item is null)
                        {
                            problem = "has a null item";
                            break;
                        }
                    }

                    break;
                case RunConfiguration c when Shape(c, $"{prefix}{member.Name}.") is { } inner:
                    return inner;
            }

            if (problem is not null)
            {
                return key is null ? $"{prefix}{member.Name} {problem}" : $"{prefix}{member.Name}.{key} {problem}";
            }
        }

        return null;
    }

    private static string? Semantics(RunEvent e)
    {
        if (Turn(e.Turn, "turn") is { } turn)
        {
            return turn;
        }

        return e switch
        {
            StateStepped s => State(s.State, "state"),
            RunStarted s => Configuration(s.Configuration),
            BranchStarted b => Configuration(b.Configuration),
            SessionBoundary b => Boundary(b),
            ModelCalled m => m.PromptTokens is < 0 or > MaxTokens || m.CompletionTokens is < 0 or > MaxTokens || m.CachedTokens is < 0 or > MaxTokens
                ? $"token counts must be in 0..{MaxTokens}"
                : m.LatencyMs < 0 ? "latencyMs is negative" : null,
            GuardNoteSent g => Turn(g.AboutTurn, "aboutTurn"),
            PatientCorrected p => Turn(p.AboutTurn, "aboutTurn"),
            AlertRaised { OnsetTurn: { } onset } => Turn(onset, "onsetTurn"),
            ContextCompacted c => Turn(c.FromTurn, "fromTurn") ?? (c.TokensBefore < 0 || c.TokensAfter < 0 ? "token counts are negative" : null),
            _ => null,
        };
    }

    private static string? Configuration(RunConfiguration c) =>
        Turn(c.Turns, "configuration.turns")
        ?? (c.ProbeEvery < 0 ? "configuration.probeEvery is negative"
        : c.SelfReportEvery < 0 ? "configuration.selfReportEvery is negative"
        : c.Sessions < 1 || (long)c.Turns * c.Sessions > MaxTurn ? $"configuration.sessions {c.Sessions} is out of range: must be 1 or more, and turns × sessions at most {MaxTurn}"
        : null);

    private static string? Boundary(SessionBoundary b) =>
        b.Session is < 2 or > MaxTurn ? $"session {b.Session} is out of range: a boundary opens session 2 or later"
        : b.Turn < 2 ? $"turn {b.Turn} is out of range: a boundary opens a session after turn 1"
        : !SessionBoundary.Kinds.All.Contains(b.NotesBy) ? $"notesBy '{b.NotesBy}' must be one of: {string.Join(", ", SessionBoundary.Kinds.All)}"
        : State(b.Before, "before") ?? State(b.After, "after");

    private static string? Number(double value) =>
        !double.IsFinite(value) ? $"is not a finite number ({value})"
        : Math.Abs(value) > MaxMagnitude ? $"{value} is out of range: must be within ±{MaxMagnitude}"
        : null;

    private static string? Turn(int turn, string field) =>
        turn is < 0 or > MaxTurn ? $"{field} {turn} is out of range: must be in 0..{MaxTurn}" : null;

    private static string? State(ImmutableSortedDictionary<string, double> state, string field)
    {
        foreach (var name in StateVariables.Base)
        {
            if (!state.ContainsKey(name))
            {
                return $"{field} has no '{name}'";
            }
        }

        foreach (var (name, value) in state)
        {
            if (StateVariables.RangeOf(name) is not { } range)
            {
                return $"{field}.{name} is not a state variable";
            }

            if (value < range.Min || value > range.Max)
            {
                return $"{field}.{name} {value} is out of range: must be in {range.Min}..{range.Max}";
            }
        }

        return null;
    }

    /// <summary>The serialised members of a type, and whether each may be null.</summary>
    private static Member[] Describe(Type type)
    {
        var nullability = new NullabilityInfoContext(); // not thread-safe: one per call
        return
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<KeyAttribute>() is not null && p.GetIndexParameters().Length == 0)
                .Select(p => new Member(
                    char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                    Getter(type, p),
                    p.PropertyType.IsValueType || nullability.Create(p).ReadState != NullabilityState.NotNull)),
        ];
    }

    /// <summary>A compiled <c>o =&gt; (object)((T)o).Property</c>: reflection's GetValue would cost more than the rest of the check.</summary>
    private static Func<object, object?> Getter(Type type, PropertyInfo property)
    {
        var instance = Expression.Parameter(typeof(object));
        var read = Expression.Convert(Expression.Property(Expression.Convert(instance, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(read, instance).Compile();
    }

    private sealed record Member(string Name, Func<object, object?> Get, bool Nullable);
}
