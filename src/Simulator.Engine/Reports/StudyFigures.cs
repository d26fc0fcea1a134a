using System.Globalization;
using Simulator.Core.Transcripts;
using Simulator.Engine.Studies.Analysis;
using Simulator.Monitoring;
using Simulator.Reports.Plots;

namespace Simulator.Engine.Reports;

/// <summary>
/// A study's figures by factor level: for each factor the study varies, the patient's outcomes (latent
/// conviction in the belief held most firmly at the start, PHQ-9, GAD-7, C-SSRS, hopelessness) and the
/// monitor's metrics, one per panel, each level's mean over its runs with a 95% band (Student's t over
/// the runs). Each run's curve is smoothed first with a trailing rolling mean (<see cref="RollingMean"/>,
/// the window stated in the caption). A panel with no values, or the same value on every turn of every
/// run, is left out and named. Runs are added one at a time and not kept.
/// </summary>
internal sealed class StudyFigures
{
    private readonly List<Series> _series;
    private readonly Dictionary<(string Factor, int Series), SortedDictionary<string, MeanCurveBuilder>> _builders = [];
    private readonly Dictionary<string, List<string>> _levels = new(StringComparer.Ordinal);
    private readonly double[] _min;
    private readonly double[] _max;
    private int _lastTurn;

    /// <summary>Figures for runs of about <paramref name="turns"/> turns.</summary>
    public StudyFigures(int turns)
    {
        Window = RollingMean.WindowFor(turns);
        _series =
        [
            new("conviction", "latent conviction (strongest belief)", "conviction (0..1)", 0, 1, null, true, t => StrongestConviction(t)),
            new("phq9", "latent PHQ-9", "PHQ-9 (0..27)", 0, 27, null, true, t => State(t, "phq9")),
            new("gad7", "latent GAD-7", "GAD-7 (0..21)", 0, 21, null, true, t => State(t, "gad7")),
            new("cssrs", "latent C-SSRS ideation", "C-SSRS (0..5)", 0, 5, null, true, t => State(t, "cssrs")),
            new("hopelessness", "latent hopelessness", "hopelessness (0..1)", 0, 1, null, true, t => State(t, "hopelessness")),
            .. Metrics.Descriptors.Where(d => Metrics.All.Contains(d.Name)).Select(d => new Series(
                RunFigures.Slug(d.Name), d.Name, RunFigures.Scale(d), d.Min, d.Max, d.Threshold, false,
                t => TranscriptCurves.Metric(t, d.Name).Values)),
        ];
        _min = [.. _series.Select(_ => double.PositiveInfinity)];
        _max = [.. _series.Select(_ => double.NegativeInfinity)];
    }

    /// <summary>The rolling mean's window, in turns.</summary>
    public int Window { get; }

    /// <summary>Adds one run (its transcript must carry its configuration).</summary>
    public void Add(RunTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        if (transcript.Configuration is not { } configuration)
        {
            return;
        }

        _lastTurn = Math.Max(_lastTurn, TranscriptCurves.LastTurn(transcript));
        var levels = StudyFactors.Levels(configuration);
        for (var s = 0; s < _series.Count; s++)
        {
            var raw = _series[s].Read(transcript);
            foreach (var v in raw.OfType<double>().Where(double.IsFinite))
            {
                (_min[s], _max[s]) = (Math.Min(_min[s], v), Math.Max(_max[s], v));
            }

            var smoothed = RollingMean.Of(raw, Window);
            foreach (var (factor, level) in levels)
            {
                if (!_builders.TryGetValue((factor, s), out var byLevel))
                {
                    _builders[(factor, s)] = byLevel = new SortedDictionary<string, MeanCurveBuilder>(StringComparer.Ordinal);
                }

                if (!byLevel.TryGetValue(level, out var builder))
                {
                    byLevel[level] = builder = new MeanCurveBuilder();
                }

                builder.Add(smoothed);
            }
        }

        foreach (var (factor, level) in levels)
        {
            if (!_levels.TryGetValue(factor, out var known))
            {
                _levels[factor] = known = [];
            }

            if (!known.Contains(level, StringComparer.Ordinal))
            {
                known.Add(level);
            }
        }
    }

    /// <summary>Two figures per factor with two or more levels (outcomes, then the monitor's metrics), each with its caption.</summary>
    public IEnumerable<(SmallMultiples Figure, string Caption)> Figures()
    {
        var leftOut = new List<string>();
        var shown = new List<int>();
        for (var s = 0; s < _series.Count; s++)
        {
            if (double.IsPositiveInfinity(_min[s]))
            {
                leftOut.Add($"{_series[s].Title} (no values)");
            }
            else if (_max[s] - _min[s] < 1e-9)
            {
                leftOut.Add(string.Create(CultureInfo.InvariantCulture, $"{_series[s].Title} ({_min[s]:0.##} on every turn of every run)"));
            }
            else
            {
                shown.Add(s);
            }
        }

        var note = leftOut.Count == 0 ? "" : $" Left out: {string.Join("; ", leftOut)}.";
        foreach (var factor in StudyFactors.All.Where(f => _levels.GetValueOrDefault(f)?.Count >= 2))
        {
            var levels = _levels[factor];
            foreach (var (kind, outcomes) in new[] { ("outcomes", true), ("monitor", false) })
            {
                var panels = shown.Where(s => _series[s].Outcome == outcomes).Select(s => Panel(factor, levels, s)).ToList();
                if (panels.Count == 0)
                {
                    continue;
                }

                var runs = levels.Select(l => (Level: l, Runs: _builders[(factor, shown[0])][l].Runs)).ToList();
                var what = outcomes ? "The patient's latent state" : "The monitor's metrics";
                yield return (
                    new SmallMultiples($"by-{factor}-{kind}", $"{what} by {factor} (mean of runs, rolling mean over {Window} turns, 95% band)", panels)
                    {
                        Legend = [.. runs.Select((r, i) => new LegendEntry($"{r.Level} (n={r.Runs})", i))],
                    },
                    $"{what} per turn by {factor}: each level's mean over its runs, each run's curve a trailing rolling mean over {Window} turns first; bands are 95% confidence intervals of the mean (Student's t over the runs); dotted lines are the metrics' thresholds.{note}");
            }
        }
    }

    private Chart Panel(string factor, IReadOnlyList<string> levels, int s)
    {
        var series = _series[s];
        var byLevel = _builders[(factor, s)];
        return new Chart($"{factor}-{series.Name}", series.Title, series.Axis)
        {
            Bands = [.. levels.Select((l, i) => byLevel[l].Build(l) with { Colour = i })],
            YRange = (series.Min, series.Max),
            Thresholds = series.Threshold is { } t ? [t] : [],
            LastTurn = _lastTurn,
        };
    }

    private static double?[] State(RunTranscript t, string variable) => [.. TranscriptCurves.State(t, variable).Values];

    private static double?[] StrongestConviction(RunTranscript t)
    {
        var belief = t.InitialState.Where(kv => kv.Key.StartsWith("conviction.", StringComparison.Ordinal))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).FirstOrDefault();
        return belief is null ? new double?[TranscriptCurves.LastTurn(t)] : State(t, belief);
    }

    /// <summary>One panel's series: what each run contributes, on what scale.</summary>
    private sealed record Series(string Name, string Title, string Axis, double Min, double Max, double? Threshold, bool Outcome, Func<RunTranscript, IReadOnlyList<double?>> Read);
}
