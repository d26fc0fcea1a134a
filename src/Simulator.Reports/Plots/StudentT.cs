namespace Simulator.Reports.Plots;

/// <summary>Quantiles of Student's t distribution, for confidence intervals of a mean over few runs (MathNet.Numerics).</summary>
public static class StudentT
{
    /// <summary>t(0.975, <paramref name="degreesOfFreedom"/>): the half-width of a two-sided 95% interval in standard errors.</summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975);
    }
}
