namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// Parameters of the two-sided CUSUM of <see cref="CusumDetector"/>. Values are standardised
/// against a baseline of the first <see cref="BaselineLength"/> scored values:
/// z = (x − mean) / max(sd, <see cref="SdFloor"/>), with sd the sample standard deviation (n − 1).
/// With the defaults (k = 0.5, h = 4) the in-control average run length of normal data is about
/// 168 turns and a one-sd shift is detected after about 8.
/// </summary>
public sealed record CusumOptions
{
    /// <summary>The defaults: w = 5, k = 0.5, h = 4, sd floor 0.1.</summary>
    public static CusumOptions Default { get; } = new();

    /// <summary>
    /// w: how many scored values form the baseline (default 5, at least 1). No change can be
    /// detected inside the baseline.
    /// </summary>
    public int BaselineLength
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BaselineLength), value, "The baseline needs at least one value.");
    } = 5;

    /// <summary>
    /// k: the allowance (slack) in baseline standard deviations subtracted every turn (default 0.5,
    /// tuned to detect a shift of one sd); at least 0.
    /// </summary>
    public double Allowance
    {
        get;
        init => field = value >= 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(Allowance), value, "The allowance must be finite and at least 0.");
    } = 0.5;

    /// <summary>h: the decision interval; an alarm fires when a cumulative sum exceeds it (&gt;, default 4).</summary>
    public double DecisionInterval
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(DecisionInterval), value, "The decision interval must be finite and positive.");
    } = 4;

    /// <summary>
    /// The smallest baseline standard deviation used to standardise (default 0.1, in the metric's
    /// units), so a flat baseline still gives finite z-scores: any later move of more than
    /// (k + h) × floor away from a flat baseline raises an alarm in one turn.
    /// </summary>
    public double SdFloor
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(SdFloor), value, "The sd floor must be finite and positive.");
    } = 0.1;
}
