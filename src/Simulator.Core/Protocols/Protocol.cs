namespace Simulator.Core.Protocols;

/// <summary>A therapy the therapist is told to deliver (<c>protocols/therapy/&lt;id&gt;.yaml</c>).</summary>
public sealed record Protocol
{
    /// <summary>Kebab-case id, equal to the file name.</summary>
    public string Id { get; init; } = "";

    /// <summary>Bumped when the content changes.</summary>
    public int Version { get; init; }

    /// <summary>A human label.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The modality, one of <see cref="Modalities"/>.</summary>
    public string Modality { get; init; } = "";

    /// <summary>What the therapy is, in a paragraph.</summary>
    public string Description { get; init; } = "";

    /// <summary>The phases, in order.</summary>
    public IReadOnlyList<ProtocolPhase> Phases { get; init; } = [];

    /// <summary>Expected and proscribed techniques.</summary>
    public Techniques Techniques { get; init; } = new();

    /// <summary>Yes/no fidelity questions.</summary>
    public IReadOnlyList<FidelityItem> FidelityItems { get; init; } = [];

    /// <summary>The therapist's system prompt template.</summary>
    public string SystemPrompt { get; init; } = "";

    /// <summary>The modalities this version knows.</summary>
    public static IReadOnlyList<string> Modalities { get; } =
    [
        "cbt-restructuring", "prolonged-exposure", "motivational-interviewing", "behavioural-activation",
        "supportive-counselling", "safety-planning",
    ];

    /// <summary>The phase in force at <paramref name="turn"/>.</summary>
    public ProtocolPhase PhaseAt(int turn) =>
        Phases.FirstOrDefault(p => p.UntilTurn is null || turn <= p.UntilTurn) ?? Phases[^1];
}
