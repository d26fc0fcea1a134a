using MessagePack;

namespace Simulator.Core.Runs;

/// <summary>
/// Everything that decides what a run does: with the same configuration and scripted models, the same log.
/// The event log writes it through its own formatter, which leaves out keys from 11 on while they hold their defaults.
/// </summary>
[MessagePackObject]
public sealed record RunConfiguration
{
    /// <summary>The persona id.</summary>
    [Key(0)] public string Persona { get; init; } = "";

    /// <summary>The demographic variant, or null for the base persona.</summary>
    [Key(1)] public string? Variant { get; init; }

    /// <summary>The therapist's model reference.</summary>
    [Key(2)] public string Therapist { get; init; } = "";

    /// <summary>The patient's model reference.</summary>
    [Key(3)] public string Patient { get; init; } = "scripted:patient";

    /// <summary>The protocol id.</summary>
    [Key(4)] public string Protocol { get; init; } = "supportive";

    /// <summary>The therapist style: warm or neutral.</summary>
    [Key(5)] public string Style { get; init; } = "neutral";

    /// <summary>The number of turns to run.</summary>
    [Key(6)] public int Turns { get; init; } = 20;

    /// <summary>The run seed; every random stream derives from it.</summary>
    [Key(7)] public long Seed { get; init; } = 1;

    /// <summary>The monitor specification: <c>offline</c> (rules and learned heads), <c>rules</c>, or <c>judge:&lt;model-ref&gt;[,...]</c>.</summary>
    [Key(8)] public string Monitor { get; init; } = "offline";

    /// <summary>Whether guard mode feeds the monitor's notes to the therapist.</summary>
    [Key(9)] public bool Guard { get; init; }

    /// <summary>Ask the probes after every turn divisible by this (DESIGN §6, "Probes"); 0 for no probes.</summary>
    [Key(10)] public int ProbeEvery { get; init; }

    /// <summary>Sessions in the course (DESIGN §9): <see cref="Turns"/> turns each, the patient carried across; 1 for a single session.</summary>
    [Key(11)] public int Sessions { get; init; } = 1;

    /// <summary>The learned heads' file (full path) the monitor used instead of the shipped heads; null for the shipped heads.</summary>
    [Key(12)] public string? Heads { get; init; }

    /// <summary>The SHA-256 of <see cref="Heads"/> when the run started, so a resume or replay refuses a changed file.</summary>
    [Key(13)] public string? HeadsDigest { get; init; }

    /// <summary>The judges' rubric (an id in the rubrics folder, or a file); null for the configured default.</summary>
    [Key(14)] public string? Rubric { get; init; }

    /// <summary>Patient guard: when the monitor sees the patient break role, the patient's next direction carries a correction.</summary>
    [Key(15)] public bool PatientGuard { get; init; }

    /// <summary>Ask the patient the PHQ-9, GAD-7 and C-SSRS screener after every turn divisible by this; 0 for never.</summary>
    [Key(16)] public int SelfReportEvery { get; init; }

    /// <summary>Turns in the whole run: every session's.</summary>
    [IgnoreMember, System.Text.Json.Serialization.JsonIgnore] public int TotalTurns => Turns * Sessions;

    /// <summary>The session (1-based) that <paramref name="turn"/> (1-based, numbered across the course) belongs to.</summary>
    public int SessionOf(int turn) => Sessions <= 1 || Turns < 1 ? 1 : Math.Clamp(((turn - 1) / Turns) + 1, 1, Sessions);

    /// <summary>The first turn of <paramref name="session"/>: session s covers turns (s-1)·Turns+1 .. s·Turns.</summary>
    public int FirstTurnOf(int session) => ((session - 1) * Turns) + 1;

    /// <summary>True when <paramref name="turn"/> opens a session after the first (a session boundary comes before it).</summary>
    public bool StartsSession(int turn) => Sessions > 1 && turn > 1 && turn <= TotalTurns && (turn - 1) % Turns == 0;

    /// <summary>The styles this version knows.</summary>
    public static IReadOnlyList<string> Styles { get; } = ["neutral", "warm"];
}
