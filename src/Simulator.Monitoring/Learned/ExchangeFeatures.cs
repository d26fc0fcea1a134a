using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Learned;

/// <summary>The features of a turn (<see cref="FeatureSpec"/>): hashed n-grams of the exchange and its recent context, and the rules' readings.</summary>
internal static class ExchangeFeatures
{
    private const uint ReplySpace = 0x52u;
    private const uint PatientSpace = 0x50u;
    private const uint ContextSpace = 0x43u;
    private const uint PreviousReplySpace = 0x51u;

    /// <summary>The features of <paramref name="turn"/>, read with the rules' <paramref name="verdict"/>.</summary>
    public static FeatureVector Of(TurnView turn, RuleVerdict verdict, FeatureSpec spec)
    {
        var pairs = new List<(int Bucket, int Sign)>(1024);
        var values = new Dictionary<int, double>(1024);
        Add(turn.Therapist, ReplySpace, spec.Reply, bigrams: true);
        Add(turn.Patient, PatientSpace, spec.Patient, bigrams: true);
        var recent = turn.Recent;
        for (var i = Math.Max(0, recent.Count - 2); i < recent.Count; i++)
        {
            Add(recent[i].Patient, ContextSpace, spec.Context, bigrams: false);
        }

        if (recent.Count > 0)
        {
            Add(recent[^1].Therapist, PreviousReplySpace, spec.PreviousReply, bigrams: true);
        }

        var buckets = values.Keys.ToArray();
        Array.Sort(buckets);
        var named = RuleFeatures.Of(turn, verdict);
        if (spec.Rules != 1)
        {
            for (var k = 0; k < named.Length; k++)
            {
                named[k] *= spec.Rules;
            }
        }

        return new FeatureVector(buckets, [.. buckets.Select(b => values[b])], named);

        void Add(string text, uint ns, double weight, bool bigrams)
        {
            pairs.Clear();
            var n = TextFeatures.Add(text, ns, spec.Bits, bigrams, pairs);
            if (n == 0 || weight == 0)
            {
                return;
            }

            var scale = weight / Math.Sqrt(n);
            foreach (var (bucket, sign) in pairs)
            {
                values[bucket] = values.GetValueOrDefault(bucket) + (sign * scale);
            }
        }
    }
}
