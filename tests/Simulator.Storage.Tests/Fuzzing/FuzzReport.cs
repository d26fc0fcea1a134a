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

    /// <summary>A multi-line account: outcome classes by count, then the crashes with their messages.</summary>
    public string Describe()
    {
        var lines = new List<string> { $"{Inputs} inputs, {Crashes} crashes, slowest input {Slowest.TotalMilliseconds:0} ms ({SlowestMutation})" };
        lines.AddRange(_outcomes.OrderByDescending(o => o.Value).Select(o => $"  {o.Value,8}  {o.Key}"));
        lines.Add("  by mutation (inputs, mean ms): " + string.Join(", ", _mutations.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key} {m.Value} ({_time[m.Key].TotalMilliseconds / m.Value:0.00})")));
        foreach (var (kind, (_, error, mutation)) in CrashExamples)
        {
            var frames = error.StackTrace?.Split('\n').Take(4).Select(l => l.Trim()) ?? [];
            lines.Add($"  {kind} (first from {mutation}): {error.GetType().Name}: {error.Message} | {string.Join(" | ", frames)}");
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
