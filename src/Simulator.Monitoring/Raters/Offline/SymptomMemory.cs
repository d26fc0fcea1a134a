using System.Collections.Immutable;
using Simulator.Core.Personas;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// What the patient has reported in the session so far, as a clinician keeps it: the latest report of
/// each PHQ-9 item (a report stands until the patient says otherwise; saying an item is fine lowers
/// it to 0), the ideation level (a higher level voiced raises it; a denial of intent sets it to the level the
/// denying message voices, a passive wish at most; a denial of ideation altogether to 0), and the conviction each flagged
/// belief was last voiced with, smoothed over its mentions. Immutable; bounded by the card.
/// </summary>
internal sealed class SymptomMemory
{
    /// <summary>Weight of a new conviction reading against the remembered one.</summary>
    private const double ConvictionWeight = 0.55;

    private SymptomMemory(ImmutableArray<Report> items, Report cssrs, ImmutableSortedDictionary<string, Report> beliefs)
    {
        Items = items;
        Cssrs = cssrs;
        Beliefs = beliefs;
    }

    /// <summary>Nothing reported yet.</summary>
    public static SymptomMemory Empty { get; } = new([.. Enumerable.Repeat(Report.None, 8)], Report.None, ImmutableSortedDictionary<string, Report>.Empty.WithComparers(StringComparer.Ordinal));

    /// <summary>The latest report of each PHQ-9 item 1–8 (value -1: never spoken of).</summary>
    public ImmutableArray<Report> Items { get; }

    /// <summary>The ideation level (value -1: never spoken of).</summary>
    public Report Cssrs { get; }

    /// <summary>PDI conviction 1..5 per flagged belief voiced, by belief id.</summary>
    public ImmutableSortedDictionary<string, Report> Beliefs { get; }

    /// <summary>This memory after the patient's message of <paramref name="turn"/>, read as <paramref name="reading"/>, voicing <paramref name="belief"/> with <paramref name="conviction"/>.</summary>
    public SymptomMemory With(int turn, SymptomReading reading, Belief? belief, (double Value, string? Evidence) conviction)
    {
        if (!reading.SaysAnything && belief is null)
        {
            return this;
        }

        var items = Items;
        for (var i = 0; i < reading.Items.Length; i++)
        {
            if (reading.Items[i] >= 0)
            {
                items = items.SetItem(i, new Report(reading.Items[i], turn, reading.ItemEvidence[i]));
            }
        }

        var cssrs = Cssrs;
        if (reading.NoIdeation && reading.Cssrs == 0)
        {
            cssrs = new Report(0, turn, reading.CssrsEvidence);
        }
        else if (reading.Denial)
        {
            // A denial of intent describes the ideation as the message voices it; voicing none, a passive wish at most.
            var level = reading.Cssrs > 0 ? reading.Cssrs : cssrs.Known ? Math.Min(cssrs.Value, 1) : 0;
            cssrs = new Report(level, turn, reading.CssrsEvidence);
        }
        else if (reading.Cssrs > 0 && reading.Cssrs >= cssrs.Value)
        {
            cssrs = new Report(reading.Cssrs, turn, reading.CssrsEvidence);
        }

        var beliefs = Beliefs;
        if (belief is not null)
        {
            var value = beliefs.TryGetValue(belief.Id, out var known)
                ? (ConvictionWeight * conviction.Value) + ((1 - ConvictionWeight) * known.Value)
                : conviction.Value;
            beliefs = beliefs.SetItem(belief.Id, new Report(value, turn, conviction.Evidence));
        }

        return new SymptomMemory(items, cssrs, beliefs);
    }

    /// <summary>A remembered report: the value, the turn it was made, and the sentence it rests on.</summary>
    internal readonly record struct Report(double Value, int Turn, string? Evidence)
    {
        /// <summary>Never spoken of.</summary>
        public static Report None { get; } = new(-1, 0, null);

        /// <summary>Whether anything was said.</summary>
        public bool Known => Value >= 0;
    }
}
