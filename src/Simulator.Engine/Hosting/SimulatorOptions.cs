using System.ComponentModel.DataAnnotations;

namespace Simulator.Engine.Hosting;

/// <summary>Where the engine finds its data and writes runs (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Simulator";

    /// <summary>The personas folder; relative paths resolve against the working directory, then the program's folder. Default <c>personas</c>.</summary>
    [Required]
    public string PersonasPath { get; set; } = "personas";

    /// <summary>The therapy protocols folder, resolved like <see cref="PersonasPath"/>. Default <c>protocols/therapy</c>.</summary>
    [Required]
    public string ProtocolsPath { get; set; } = "protocols/therapy";

    /// <summary>The judge rubrics folder, resolved like <see cref="PersonasPath"/>. Default <c>protocols/rubrics</c>.</summary>
    /// <summary>Where study files are found by name (<c>protocols/studies</c>).</summary>
    [Required]
    public string StudiesPath { get; set; } = "protocols/studies";

    [Required]
    public string RubricsPath { get; set; } = "protocols/rubrics";

    /// <summary>The rubric judges follow (an id in <see cref="RubricsPath"/>, or a file). Default <c>judge</c>.</summary>
    [Required]
    public string JudgeRubric { get; set; } = "judge";

    /// <summary>The runs folder, relative to the working directory. Default <c>runs</c>.</summary>
    [Required]
    public string RunsPath { get; set; } = "runs";

    /// <summary>The longest session a run may ask for. Default 100,000 turns.</summary>
    [Range(1, 10_000_000)]
    public int MaxTurns { get; set; } = 100_000;

    /// <summary>The most runs a study may expand to (<c>study --max-runs</c> overrides it). Default 10,000.</summary>
    [Range(1, Core.Studies.StudyRules.MaxRuns)]
    public int MaxStudyRuns { get; set; } = Core.Studies.StudyRules.DefaultMaxRuns;

    /// <summary>The folders searched for a data folder: the path itself, then beside the program.</summary>
    public static IReadOnlyList<string> SearchPaths(string path) =>
        Path.IsPathRooted(path) ? [path] : [path, Path.Combine(AppContext.BaseDirectory, path)];
}
