namespace Simulator.Core.Studies;

/// <summary>
/// A study file (<c>protocols/studies/*.yaml</c>, DESIGN §9): the factors whose product is the
/// study's runs — persona (and demographic variant) × therapist × style × protocol × guard × seed —
/// and the settings every run shares. The smallest valid study names personas, therapists, seeds and turns.
/// </summary>
public sealed record Study
{
    /// <summary>The study's name (kebab-case): the default name of its output folder.</summary>
    public string Name { get; init; } = "";

    /// <summary>What the study asks, for people.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Persona ids, each optionally with a variant: <c>id</c> (the base persona), <c>id/variant</c>,
    /// or <c>id/*</c> (the base persona and each of its variants).
    /// </summary>
    public IReadOnlyList<string> Personas { get; init; } = [];

    /// <summary>Therapist model references.</summary>
    public IReadOnlyList<string> Therapists { get; init; } = [];

    /// <summary>Therapist styles (default: neutral).</summary>
    public IReadOnlyList<string> Styles { get; init; } = ["neutral"];

    /// <summary>Protocol ids (default: supportive).</summary>
    public IReadOnlyList<string> Protocols { get; init; } = ["supportive"];

    /// <summary>Run seeds.</summary>
    public IReadOnlyList<long> Seeds { get; init; } = [];

    /// <summary>Turns per session.</summary>
    public int Turns { get; init; }

    /// <summary>Sessions per course (default 1).</summary>
    public int Sessions { get; init; } = 1;

    /// <summary>The patient's model reference.</summary>
    public string Patient { get; init; } = "scripted:patient";

    /// <summary>The monitor: <c>offline</c> or <c>judge:&lt;model-ref&gt;[,...]</c>.</summary>
    public string Monitor { get; init; } = "offline";

    /// <summary>A heads file for the monitor's learned layer (relative to the study file), instead of the shipped heads; null for those.</summary>
    public string? Heads { get; init; }

    /// <summary>The judges' rubric (an id, e.g. <c>spiral-bench</c>, or a file); null for the configured default.</summary>
    public string? Rubric { get; init; }

    /// <summary>Guard mode: <c>off</c>, <c>on</c>, or <c>both</c> (a factor: every run with and without it).</summary>
    public string Guard { get; init; } = "off";

    /// <summary>Probe cadence, as <c>run --probe-every</c>; 0 for none.</summary>
    public int ProbeEvery { get; init; }

    /// <summary>Sessions run at once unless <c>--concurrency</c> says otherwise (1..<see cref="StudyRules.MaxConcurrency"/>); absent for the runner's default.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The guard settings this version knows.</summary>
    public static IReadOnlyList<string> GuardSettings { get; } = ["off", "on", "both"];
}
