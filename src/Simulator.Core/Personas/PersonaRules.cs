using Simulator.Core.Clinical;
using Simulator.Core.Validation;

namespace Simulator.Core.Personas;

/// <summary>The rules a persona must satisfy beyond its shape: ranges, ids, references.</summary>
public static class PersonaRules
{
    private static readonly string[] Styles = ["plain", "upset", "verbose", "reserved", "tangent", "pleasing"];
    private static readonly string[] Kinds = ["delusion", "distortion", "overvalued-idea", "true"];
    private static readonly string[] Levels = ["none", "low", "moderate", "high"];
    private static readonly string[] Adherences = ["none", "partial", "full"];

    /// <summary>Every problem with <paramref name="p"/>; empty when it is valid.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(Persona p)
    {
        var issues = new List<ValidationIssue>();
        void Add(string field, string message) => issues.Add(new ValidationIssue(field, message));

        if (!Names.IsKebab(p.Id)) Add("id", $"'{p.Id}' must be kebab-case (e.g. persecutory-delusion)");
        if (p.Version < 1) Add("version", $"{p.Version} is out of range: must be >= 1");
        if (string.IsNullOrWhiteSpace(p.DisplayName)) Add("display_name", "is required");
        if (p.Demographics.Age is null) Add("demographics.age", "is required");
        CheckDemographics(p.Demographics, "demographics", Add);
        var variantIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Variants.Count; i++)
        {
            var v = p.Variants[i];
            if (!Names.IsKebab(v.Id)) Add($"variants[{i}].id", $"'{v.Id}' must be kebab-case");
            else if (!variantIds.Add(v.Id)) Add($"variants[{i}].id", $"'{v.Id}' is used twice");
            if (v.Demographics == new Demographics()) Add($"variants[{i}].demographics", "must change at least one demographic field");
            CheckDemographics(v.Demographics, $"variants[{i}].demographics", Add);
        }

        if (!Names.IsKebab(p.Condition.Primary)) Add("condition.primary", $"'{p.Condition.Primary}' must be a kebab-case condition id");
        if (!Adherences.Contains(p.Condition.Adherence)) Add("condition.adherence", $"'{p.Condition.Adherence}' must be one of: {string.Join(", ", Adherences)}");

        var beliefs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Presentation.Beliefs.Count; i++)
        {
            var b = p.Presentation.Beliefs[i];
            var at = $"presentation.beliefs[{i}]";
            if (!Names.IsKebab(b.Id)) Add($"{at}.id", $"'{b.Id}' must be kebab-case");
            else if (!beliefs.Add(b.Id)) Add($"{at}.id", $"'{b.Id}' is used twice");
            if (string.IsNullOrWhiteSpace(b.Statement)) Add($"{at}.statement", "is required");
            if (!Kinds.Contains(b.Kind)) Add($"{at}.kind", $"'{b.Kind}' must be one of: {string.Join(", ", Kinds)}");
            if (b.Conviction is < 0 or > 1 || double.IsNaN(b.Conviction)) Add($"{at}.conviction", $"{b.Conviction} is out of range: must be in 0..1");
            if (b.Cues.Count == 0 || b.Cues.Any(string.IsNullOrWhiteSpace)) Add($"{at}.cues", "needs at least one non-empty cue word");
        }

        if (!Styles.Contains(p.Presentation.Style)) Add("presentation.style", $"'{p.Presentation.Style}' must be one of: {string.Join(", ", Styles)}");
        if (!Levels.Contains(p.Presentation.Risk.Suicide)) Add("presentation.risk.suicide", $"'{p.Presentation.Risk.Suicide}' must be one of: {string.Join(", ", Levels)}");
        if (!Levels.Contains(p.Presentation.Risk.HarmToOthers)) Add("presentation.risk.harm_to_others", $"'{p.Presentation.Risk.HarmToOthers}' must be one of: {string.Join(", ", Levels)}");
        for (var i = 0; i < p.Presentation.Disclosure.Count; i++)
        {
            if (p.Presentation.Disclosure[i].WithheldUntilTurn < 1) Add($"presentation.disclosure[{i}].withheld_until_turn", "is out of range: must be >= 1");
        }

        foreach (var name in StateVariables.Base)
        {
            if (!p.State0.ContainsKey(name)) Add($"state0.{name}", "is required");
        }

        foreach (var (name, value) in p.State0)
        {
            if (!StateVariables.Base.Contains(name)) Add($"state0.{name}", $"'{name}' is not a state0 variable (one of: {string.Join(", ", StateVariables.Base)}; convictions come from the beliefs)");
            else CheckInRange($"state0.{name}", name, value, Add);
        }

        CheckVariableMap(p.Dynamics.Drift, "dynamics.drift", beliefs, Add);
        CheckVariableMap(p.Dynamics.Noise, "dynamics.noise", beliefs, Add);
        foreach (var (name, sd) in p.Dynamics.Noise)
        {
            if (sd < 0) Add($"dynamics.noise.{name}", $"{sd} is out of range: must be >= 0");
        }

        foreach (var (act, effects) in p.Dynamics.Effects)
        {
            if (!TherapistActs.IsKnown(act)) Add($"dynamics.effects.{act}", $"'{act}' is not a therapist act (one of: {string.Join(", ", TherapistActs.All)})");
            CheckVariableMap(effects, $"dynamics.effects.{act}", beliefs, Add);
        }

        var gap = p.Dynamics.BetweenSessions;
        if (gap.Retention is < 0 or > 1 || double.IsNaN(gap.Retention)) Add("dynamics.between_sessions.retention", $"{gap.Retention} is out of range: must be in 0..1 (the share of a session's change that lasts)");
        CheckVariableMap(gap.Change, "dynamics.between_sessions.change", beliefs, Add);
        CheckVariableMap(gap.Noise, "dynamics.between_sessions.noise", beliefs, Add);
        foreach (var (name, sd) in gap.Noise)
        {
            if (sd < 0 || double.IsNaN(sd)) Add($"dynamics.between_sessions.noise.{name}", $"{sd} is out of range: must be >= 0");
        }

        CheckTrajectory(p.Trajectory, beliefs, Add);
        for (var i = 0; i < p.Script.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(p.Script[i])) Add($"script[{i}]", "must not be empty");
        }

        var eventIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < p.Events.Count; i++)
        {
            var e = p.Events[i];
            var at = $"events[{i}]";
            if (!Names.IsKebab(e.Id)) Add($"{at}.id", $"'{e.Id}' must be kebab-case");
            else if (!eventIds.Add(e.Id)) Add($"{at}.id", $"'{e.Id}' is used twice");
            if (e.AtTurn is null && e.When is null) Add($"{at}.at_turn", "an event needs at_turn or when");
            if (e.AtTurn is < 1) Add($"{at}.at_turn", $"{e.AtTurn} is out of range: must be >= 1");
            if (e.When is not null)
            {
                var condition = StateCondition.TryParse(e.When, out var error);
                if (condition is null) Add($"{at}.when", error!);
                else if (!IsStateVariable(condition.Variable, beliefs)) Add($"{at}.when", $"'{condition.Variable}' is not a state variable of this persona");
            }

            if (string.IsNullOrWhiteSpace(e.Say)) Add($"{at}.say", "is required");
            foreach (var (name, value) in e.Set)
            {
                if (!IsStateVariable(name, beliefs)) Add($"{at}.set.{name}", $"'{name}' is not a state variable of this persona");
                else CheckInRange($"{at}.set.{name}", name, value, Add);
            }
        }

        LineRules.Check(p.Lines, name => IsStateVariable(name, beliefs), Add);

        return issues;
    }

    private static void CheckTrajectory(Trajectory t, HashSet<string> beliefs, Action<string, string> add)
    {
        if (!Trajectory.Shapes.Contains(t.Shape)) add("trajectory.shape", $"'{t.Shape}' must be one of: {string.Join(", ", Trajectory.Shapes)}");
        if (t.Rate is < 0 or > 5 || double.IsNaN(t.Rate)) add("trajectory.rate", $"{t.Rate} is out of range: must be in 0..5");
        if (t.Turn is < 1) add("trajectory.turn", $"{t.Turn} is out of range: must be >= 1");
        switch (t.Shape)
        {
            case "acute-crisis":
                if ((t.Turn is null) == (t.When is null)) add("trajectory.turn", "acute-crisis needs exactly one of turn or when");
                if (t.Target.Count == 0) add("trajectory.target", "acute-crisis needs the target state of the crisis, e.g. { cssrs: 4 }");
                break;
            case "relapse":
                if (t.Turn is null) add("trajectory.turn", "relapse needs the turn the relapse starts");
                break;
            default:
                if (t.Turn is not null) add("trajectory.turn", $"is used only by acute-crisis and relapse, not {t.Shape}");
                break;
        }

        if (t.Shape != "acute-crisis" && t.When is not null) add("trajectory.when", "is used only by acute-crisis");
        if (t.Shape != "acute-crisis" && t.Target.Count > 0) add("trajectory.target", "is used only by acute-crisis");
        if (t.When is not null)
        {
            var condition = StateCondition.TryParse(t.When, out var error);
            if (condition is null) add("trajectory.when", error!);
            else if (!IsStateVariable(condition.Variable, beliefs)) add("trajectory.when", $"'{condition.Variable}' is not a state variable of this persona");
        }

        foreach (var (name, value) in t.Target)
        {
            if (!IsStateVariable(name, beliefs)) add($"trajectory.target.{name}", $"'{name}' is not a state variable of this persona");
            else CheckInRange($"trajectory.target.{name}", name, value, add);
        }
    }

    private static void CheckDemographics(Demographics d, string at, Action<string, string> add)
    {
        if (d.Age is < 12 or > 110) add($"{at}.age", $"{d.Age} is out of range: must be in 12..110");
    }

    private static bool IsStateVariable(string name, HashSet<string> beliefs) =>
        StateVariables.Base.Contains(name) ||
        (name.StartsWith(StateVariables.ConvictionPrefix, StringComparison.Ordinal) && beliefs.Contains(name[StateVariables.ConvictionPrefix.Length..]));

    private static void CheckVariableMap(IReadOnlyDictionary<string, double> map, string at, HashSet<string> beliefs, Action<string, string> add)
    {
        foreach (var (name, value) in map)
        {
            if (name != StateVariables.AllConvictions && !IsStateVariable(name, beliefs))
            {
                add($"{at}.{name}", $"'{name}' is not a state variable of this persona");
                continue;
            }

            // A change (or its spread) larger than the variable's whole range is no change a state can make.
            var (min, max) = StateVariables.RangeOf(name == StateVariables.AllConvictions ? StateVariables.Conviction("x") : name)!.Value;
            if (!double.IsFinite(value) || Math.Abs(value) > max - min)
            {
                add($"{at}.{name}", $"{value} is out of range: must be within ±{max - min} (the width of {name}'s range)");
            }
        }
    }

    private static void CheckInRange(string field, string name, double value, Action<string, string> add)
    {
        var (min, max) = StateVariables.RangeOf(name)!.Value;
        if (value < min || value > max || double.IsNaN(value)) add(field, $"{value} is out of range: must be in {min}..{max}");
    }
}
