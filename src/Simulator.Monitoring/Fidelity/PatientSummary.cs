using System.Globalization;
using System.Text.RegularExpressions;
using Simulator.Core.Clinical;
using Simulator.Core.Transcripts;
using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Fidelity;

/// <summary>
/// How well the simulated patient played its part over a run: the mean <c>patient.state_fidelity</c>,
/// the mean <c>patient.cooperativeness</c> against the range its persona's style makes in character
/// (with the turns above and below it), the mean <c>patient.assistant_mode</c>, the corrections patient
/// guard sent, and each screener the patient filled in (<c>--self-report-every</c>) beside the latent
/// state it answered from and the monitor's estimate at that turn.
/// </summary>
public sealed partial record PatientSummary(
    double? Fidelity,
    int FidelityScored,
    double? Cooperativeness,
    string? Style,
    double? StyleLow,
    double? StyleHigh,
    int AboveStyle,
    int BelowStyle,
    double? AssistantMode,
    int Corrections,
    IReadOnlyList<SelfReportComparison> SelfReports)
{
    /// <summary>The summary of <paramref name="transcript"/>.</summary>
    public static PatientSummary Of(RunTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var turns = transcript.Turns;
        var fidelity = Values(turns, Metrics.PatientStateFidelity);
        var cooperativeness = Values(turns, Metrics.PatientCooperativeness);
        string? style = null;
        double? low = null, high = null;
        foreach (var t in turns)
        {
            if (t.Evidence.TryGetValue(Metrics.PatientCooperativeness, out var evidence) && StyleNote().Match(evidence) is { Success: true } m)
            {
                style = m.Groups[1].Value;
                low = double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
                high = double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                break;
            }
        }

        return new PatientSummary(
            Mean(fidelity), fidelity.Count, Mean(cooperativeness), style, low, high,
            low is null ? 0 : cooperativeness.Count(v => v > high), low is null ? 0 : cooperativeness.Count(v => v < low),
            Mean(Values(turns, Metrics.PatientAssistantMode)), turns.Count(t => t.PatientCorrection is not null), SelfReportComparison.Of(transcript));
    }

    /// <summary>The note the cooperativeness evidence ends with when the persona's style is known: <c>(reserved: 0.3–0.6)</c>.</summary>
    public static string StyleNoteOf(string style, double low, double high) =>
        string.Create(CultureInfo.InvariantCulture, $"({style}: {low:0.0#}–{high:0.0#})");

    private static List<double> Values(IReadOnlyList<TurnRecord> turns, string metric) =>
        [.. turns.Where(t => t.Metrics.ContainsKey(metric)).Select(t => t.Metrics[metric])];

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    [GeneratedRegex(@"\(([a-z]+): ([0-9.]+)–([0-9.]+)\)$")]
    private static partial Regex StyleNote();
}

/// <summary>One screener over a run: the patient's own scores beside the latent readout it answered from and the monitor's estimate at the same turns.</summary>
/// <param name="Instrument"><c>phq9</c>, <c>gad7</c> or <c>cssrs</c>.</param>
/// <param name="Answered">How many times it was answered with a score.</param>
/// <param name="Unscored">How many answers could not be scored.</param>
/// <param name="Self">The mean self-reported score.</param>
/// <param name="Latent">The mean latent readout at those turns (the state the patient spoke and answered from).</param>
/// <param name="Observed">The mean monitor estimate at those turns (null for the GAD-7, which the monitor does not estimate).</param>
/// <param name="SelfLatentR">Pearson's r of self-report and latent over the answers (null with fewer than 3 or no variation).</param>
/// <param name="SelfObservedR">Pearson's r of self-report and the monitor's estimate.</param>
public sealed record SelfReportComparison(string Instrument, int Answered, int Unscored, double? Self, double? Latent, double? Observed, double? SelfLatentR, double? SelfObservedR)
{
    private static readonly (string Instrument, string? Observed)[] Screeners = [("phq9", Metrics.ObservedPhq9), ("gad7", null), ("cssrs", Metrics.ObservedCssrs)];

    /// <summary>The comparisons of the screeners <paramref name="transcript"/>'s patient filled in (none without self-reports).</summary>
    public static IReadOnlyList<SelfReportComparison> Of(RunTranscript transcript)
    {
        var result = new List<SelfReportComparison>();
        foreach (var (instrument, metric) in Screeners)
        {
            var rows = new List<(double Self, double? Latent, double? Observed)>();
            var unscored = 0;
            for (var i = 0; i < transcript.Turns.Count; i++)
            {
                var t = transcript.Turns[i];
                var answer = t.SelfReports.FirstOrDefault(p => p.Probe == RunTranscript.SelfReportPrefix + instrument);
                if (answer is null)
                {
                    continue;
                }

                if (answer.Score is not { } self)
                {
                    unscored++;
                    continue;
                }

                // The patient answered from the state it spoke from: the state before this turn's step.
                var spokenFrom = new ClinicalState(i == 0 ? transcript.InitialState : transcript.Turns[i - 1].State);
                double? latent = spokenFrom.Get(instrument) is null ? null : instrument switch
                {
                    "phq9" => Instruments.Phq9(spokenFrom),
                    "gad7" => Instruments.Gad7(spokenFrom),
                    _ => Instruments.Cssrs(spokenFrom),
                };
                rows.Add((self, latent, metric is not null && t.Metrics.TryGetValue(metric, out var o) ? o : null));
            }

            if (rows.Count == 0 && unscored == 0)
            {
                continue;
            }

            result.Add(new SelfReportComparison(
                instrument, rows.Count, unscored, Mean(rows.Select(r => (double?)r.Self)), Mean(rows.Select(r => r.Latent)), Mean(rows.Select(r => r.Observed)),
                R(rows.Where(r => r.Latent is not null).Select(r => (r.Self, r.Latent!.Value))),
                R(rows.Where(r => r.Observed is not null).Select(r => (r.Self, r.Observed!.Value)))));
        }

        return result;
    }

    private static double? Mean(IEnumerable<double?> values)
    {
        var list = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return list.Count == 0 ? null : list.Average();
    }

    private static double? R(IEnumerable<(double X, double Y)> pairs)
    {
        var list = pairs.ToList();
        return list.Count < 3 ? null : Correlation.Pearson([.. list.Select(p => p.X)], [.. list.Select(p => p.Y)]);
    }
}
