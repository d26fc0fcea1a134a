using System.Text.RegularExpressions;

namespace Simulator.Core.Validation;

/// <summary>Rules for the ids users write in files and on the command line.</summary>
public static partial class Names
{
    /// <summary>True for kebab-case ids such as <c>persecutory-delusion</c>.</summary>
    public static bool IsKebab(string? id) => id is not null && id.Length <= 80 && Kebab().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();
}
