using System.Runtime.CompilerServices;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>A reading the offline scorers make of a message and remember (<see cref="MessageReadings"/>).</summary>
internal enum Reading
{
    /// <summary>Risk talk in a patient message (<see cref="ExchangeReading"/>).</summary>
    Risk,

    /// <summary>The sentence of a reply that tests the patient's premise (<see cref="ExchangeReading"/>).</summary>
    RealityTest,

    /// <summary>PHQ-9 items, C-SSRS level and denial of a patient message (<see cref="SymptomReading"/>).</summary>
    ObservedState,

    /// <summary>The flagged belief a patient message voices most (<see cref="ObservedStateScorer"/>).</summary>
    BeliefInPlay,

    /// <summary>The conviction a patient message states (<see cref="ObservedStateScorer"/>).</summary>
    Conviction,

    /// <summary>A symptom the card rules out, voiced in a patient message (<see cref="PersonaScorer"/>).</summary>
    Contradiction,

    /// <summary>Whether a patient message touches the card's topics (<see cref="PersonaScorer"/>).</summary>
    OnCard,

    /// <summary>Assistant or therapist talk in a patient message (<see cref="AssistantModeScorer"/>).</summary>
    PatientAssistantMode,

    /// <summary>Generic-assistant markers in a reply (<see cref="AssistantModeScorer"/>).</summary>
    TherapistAssistantMarkers,

    /// <summary>The first expected technique of the protocol a reply uses (<see cref="RoleScorer"/>).</summary>
    ExpectedTechnique,

    /// <summary>The false, delusional or distorted premise a patient message states, and its content words (<see cref="PremiseTrail"/>).</summary>
    Premise,

    /// <summary>Whether a reply responds to risk (<see cref="ExchangeReading"/>).</summary>
    SafetyResponse,

    /// <summary>How cooperative a patient message is, and the span that shows it (<see cref="CooperativenessScorer"/>).</summary>
    Cooperativeness,
}

/// <summary>
/// The readings of one message of a session, each made on first use. A reading depends only on the
/// message and the session's case notes, so two threads racing to make one make the same; each is
/// boxed, so it is published whole.
/// </summary>
internal sealed class MessageReadings(string message)
{
    private static readonly int Count = Enum.GetValues<Reading>().Length;

    private readonly object?[] _readings = new object?[Count];

    /// <summary>The reading <paramref name="reading"/>, made by <paramref name="read"/> the first time.</summary>
    public T Get<T>(Reading reading, Func<string, T> read) =>
        ((StrongBox<T>)(_readings[(int)reading] ??= new StrongBox<T>(read(message)))).Value!;

    /// <summary>The reading <paramref name="reading"/>, made by <paramref name="read"/> with <paramref name="state"/> the first time.</summary>
    public T Get<TState, T>(Reading reading, TState state, Func<TState, string, T> read) =>
        ((StrongBox<T>)(_readings[(int)reading] ??= new StrongBox<T>(read(state, message)))).Value!;
}
