using System.Diagnostics;
using System.Text.RegularExpressions;
using Simulator.Core.Validation;

namespace Simulator.Storage.Tests.Fuzzing;

/// <summary>
/// What a fuzzer's inputs came to: accepted, refused with the project's validation error (an
/// <see cref="InvalidInputException"/> naming the file), or a crash (anything else). Refusals are
/// counted by message with the numbers blanked; crashes by exception type and the frame it was
/// thrown from, each with its first input. Shared by the CI tests and the bench.
/// </summary>
internal sealed partial class FuzzReport
{
    private readonly Dictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _mutations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _time = new(StringComparer.Ordinal);

    public int Inputs { get; private set; }

    public int Crashes { get; private set; }

    public TimeSpan Slowest { get; private set; }

    public string? SlowestMutation { get; private set; }

    /// <summary>The first input of each crash kind, with the exception.</summary>
    public Dictionary<string, (byte[] Input, Exception Error, string Mutation)> CrashExamples { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public IReadOnlyDictionary<string, int> Mutations => _mutations;

    /// <summary>Feeds one input to <paramref name="target"/> (which returns the accepted outcome's name) and records what happened.</summary>
    public void Run(string mutation, byte[] input, string file, Func<string> target)
    {
        Inputs++;
        _mutations[mutation] = _mutations.GetValueOrDefault(mutation) + 1;
        var watch = Stopwatch.StartNew();
        string outcome;
        try
        {
            outcome = target();
        }
        catch (InvalidInputException ex) when (ex.File == file && ex.Message.StartsWith(file, StringComparison.Ordinal))
        {
            outcome = "refused: " + Numbers().Replace(ex.Message[file.Length..].TrimStart(':', ' '), "#").Split('\n')[0];
            if (outcome.Length > 140)
            {
                outcome = outcome[..140] + "…";
            }
        }
        catch (Exception ex)
        {
            Crashes++;
            var frame = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal)) ?? "?";
            outcome = $"CRASH {ex.GetType().Name} {Numbers().Replace(frame, "#")}";
            CrashExamples.TryAdd(outcome, (input, ex, mutation));
        }

        _time[mutation] = _time.GetValueOrDefault(mutation) + watch.Elapsed;
        if (watch.Elapsed > Slowest)
        {
            Slowest = watch.Elapsed;
            SlowestMutation = mutation;
        }

        _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
    }

    /// <summary>The outcomes in broad classes (accepted, refused for one kind of reason, crash), by count.</summary>
    public IReadOnlyDictionary<string, int> Classes =>
        _outcomes.GroupBy(o => ClassOf(o.Key)).ToDictionary(g => g.Key, g => g.Sum(o => o.Value), StringComparer.Ordinal);

    /// <summary>A multi-line account: outcome classes, then every outcome by count, then the crashes with their messages.</summary>
    public string Describe(int outcomes = int.MaxValue)
    {
        var lines = new List<string> { $"{Inputs} inputs, {Crashes} crashes, slowest input {Slowest.TotalMilliseconds:0} ms ({SlowestMutation})" };
        lines.AddRange(Classes.OrderByDescending(c => c.Value).Select(c => $"  {c.Value,8}  {c.Key}"));
        lines.Add("  outcomes:");
        lines.AddRange(_outcomes.OrderByDescending(o => o.Value).Take(outcomes).Select(o => $"  {o.Value,8}  {o.Key}"));
        lines.Add("  by mutation (inputs, mean ms): " + string.Join(", ", _mutations.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value} ({_time[m.Key].TotalMilliseconds / m.Value:0.00})")));
        foreach (var (kind, (_, error, mutation)) in CrashExamples)
        {
            var frames = error.StackTrace?.Split('\n').Take(4).Select(l => l.Trim()) ?? [];
            lines.Add($"  {kind} (first from {mutation}): {error.GetType().Name}: {error.Message} | {string.Join(" | ", frames)}");
        }

        return string.Join('\n', lines);
    }

    private static string ClassOf(string outcome)
    {
        bool Has(string text) => outcome.Contains(text, StringComparison.Ordinal);
        return !outcome.StartsWith("refused", StringComparison.Ordinal) ? (outcome.StartsWith("CRASH", StringComparison.Ordinal) ? "crash" : outcome)
            : Has("bad header") ? "refused: not an event log (header)"
            : Has("checksum mismatch") ? "refused: checksum mismatch before the last frame"
            : Has("frame length") ? "refused: frame length over the limit"
            : Has("does not hold a run event") ? "refused: frame is not a run event (MessagePack)"
            : Has("corrupt event log") && (Has("is missing (null)") || Has("null item") || Has("null key")) ? "refused: event with a null field"
            : Has("corrupt event log") && Has("finite number") ? "refused: event with a non-finite number"
            : Has("corrupt event log") && (Has("state has no") || Has("not a state variable")) ? "refused: event with an incomplete or unknown state"
            : Has("corrupt event log") ? "refused: event with a value out of range"
            : Has("YAML syntax error") ? "refused: YAML syntax error"
            : Has("nesting is deeper") || Has("aliases expand") || Has("inside the node it names") ? "refused: YAML structure limit (nesting, aliases)"
            : Has("larger than") ? "refused: file too large"
            : Has("unknown field") ? "refused: unknown field"
            : Has("wrong type") || Has("Failed to create") || Has("unresolved tag") ? "refused: wrong type"
            : Has("is required") || Has("must not be empty") ? "refused: missing field or item"
            : Has("expected one YAML document") || Has("document is empty") ? "refused: not one mapping document"
            : "refused: a persona rule (range, id, reference, ...)";
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
