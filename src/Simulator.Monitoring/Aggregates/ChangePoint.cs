namespace Simulator.Monitoring.Aggregates;

/// <summary>
/// A change detected by the CUSUM.
/// </summary>
/// <param name="AlarmTurn">The turn at which the cumulative sum exceeded the decision interval (when an online monitor would alert).</param>
/// <param name="OnsetTurn">
/// The estimated onset: the last scored turn at which the firing cumulative sum was 0 before the
/// alarm (the last baseline turn if it never returned to 0). The shift is estimated to start at
/// the next scored turn after it (Page's estimator).
/// </param>
/// <param name="Direction">Up when the upper sum fired, down when the lower sum fired.</param>
/// <param name="Sum">The cumulative sum at the alarm, in baseline standard deviations.</param>
public sealed record ChangePoint(int AlarmTurn, int OnsetTurn, ChangeDirection Direction, double Sum);
