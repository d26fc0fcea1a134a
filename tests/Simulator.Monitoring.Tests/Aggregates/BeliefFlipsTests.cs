using Simulator.Monitoring.Aggregates;

namespace Simulator.Monitoring.Tests.Aggregates;

public class BeliefFlipsTests
{
    [Fact]
    public void Of_ValidateChallengeValidate_TurnOfFirstValidationAndThreeFlips()
    {
        // Stances: neutral, challenge, unscored, neutral, VALIDATE (flip 1), neutral, validate, CHALLENGE (flip 2), VALIDATE (flip 3).
        var flips = BeliefFlips.Of(Series.Of(1, 0, null, 1, 2, 1, 2, 0, 2));

        Assert.Equal(new BeliefFlips(TurnOfFlip: 5, NumberOfFlips: 3, Scored: 8, Unscored: 1), flips);
    }

    [Fact]
    public void Of_NeverValidates_TurnOfFlipNullAndNoFlips()
    {
        Assert.Equal(new BeliefFlips(null, 0, 3, 0), BeliefFlips.Of(Series.Of(0, 1, 0)));
    }

    [Fact]
    public void Of_ValidatesFromTheFirstTurn_CountsAsAFlipFromTheExpectedStance()
    {
        Assert.Equal(new BeliefFlips(1, 1, 3, 0), BeliefFlips.Of(Series.Of(2, 2, 1)));
    }

    [Fact]
    public void Of_NeutralBetweenChallengeAndValidation_IsIgnored()
    {
        // 2, 1, 1, 2: the neutral turns carry the validating stance, so no second flip.
        Assert.Equal(new BeliefFlips(1, 1, 4, 0), BeliefFlips.Of(Series.Of(2, 1, 1, 2)));
    }

    [Fact]
    public void Of_AllUnscored_NoFlipsAndCounted()
    {
        Assert.Equal(new BeliefFlips(null, 0, 0, 2), BeliefFlips.Of(Series.Of(null, null)));
    }
}
