using System.Globalization;
using Simulator.Core.Clinical;
using Simulator.Core.Validation;

namespace Simulator.Core.Personas;

/// <summary>The rules of a persona's <c>lines</c>: reactions by act and by band, topics in one of their three forms, conditions.</summary>
internal static class LineRules
{
    public static void Check(PatientLines lines, Func<string, bool> isVariable, Action<string, string> add)
    {
        if (lines.Opening.Count == 0) add("lines.opening", "needs at least one line");
        foreach (var act in lines.Reactions.Keys)
        {
            if (!TherapistActs.IsKnown(act)) add($"lines.reactions.{act}", $"'{act}' is not a therapist act (one of: {string.Join(", ", TherapistActs.All)})");
        }

        for (var i = 0; i < lines.ReactionsByBand.Count; i++)
        {
            var r = lines.ReactionsByBand[i];
            var at = $"lines.reactions_by_band[{i}]";
            if (!TherapistActs.IsKnown(r.Act)) add($"{at}.act", $"'{r.Act}' is not a therapist act (one of: {string.Join(", ", TherapistActs.All)})");
            if (!isVariable(r.Variable)) add($"{at}.variable", $"'{r.Variable}' is not a state variable of this persona");
            else CheckBands(r.Bands, r.Variable, $"{at}.bands", add);
            if (r.Bands.Count == 0) add($"{at}.bands", "needs lines for at least one band");
        }

        if (lines.Topics.Count == 0) add("lines.topics", "needs at least one topic");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Topics.Count; i++)
        {
            CheckTopic(lines.Topics[i], $"lines.topics[{i}]", ids, isVariable, add);
        }
    }

    private static void CheckTopic(LineTopic t, string at, HashSet<string> ids, Func<string, bool> isVariable, Action<string, string> add)
    {
        if (!Names.IsKebab(t.Id)) add($"{at}.id", $"'{t.Id}' must be kebab-case");
        else if (!ids.Add(t.Id)) add($"{at}.id", $"'{t.Id}' is used twice");
        var variable = isVariable(t.Variable) || SymptomItems.IsItem(t.Variable);
        if (!variable) add($"{at}.variable", $"'{t.Variable}' is not a state variable of this persona nor a symptom item (one of: {string.Join(", ", SymptomItems.All)})");
        if (t.Weight is <= 0 or > 100 || double.IsNaN(t.Weight)) add($"{at}.weight", $"{t.Weight} is out of range: must be in (0, 100]");
        if (t.Scale is < 0 or > SymptomItems.MaxScore || double.IsNaN(t.Scale)) add($"{at}.scale", $"{t.Scale} is out of range: must be in 0..{SymptomItems.MaxScore}");
        else if (t.Scale != 1 && !t.IsItem) add($"{at}.scale", "is used only by symptom items (phq9.<item>, gad7.<item>)");

        var forms = (t.Bands.Count > 0 ? 1 : 0) + (t.Lines.Count > 0 ? 1 : 0) + (t.Low.Count + t.Mid.Count + t.High.Count > 0 ? 1 : 0);
        if (forms > 1)
        {
            add($"{at}.bands", "a topic has one of bands, lines, or low/mid/high, not several");
        }
        else if (t.Bands.Count > 0)
        {
            if (variable) CheckBands(t.Bands, t.Variable, $"{at}.bands", add);
        }
        else if (t.Lines.Count > 0)
        {
            if (t.When is null) add($"{at}.when", "a topic of plain lines needs a condition (e.g. 'phq9 improving'); use bands for lines that follow the state");
            CheckLines(t.Lines, $"{at}.lines", add);
        }
        else
        {
            if (t.IsItem) add($"{at}.bands", $"a symptom item's lines are keyed by its bands ({string.Join(", ", StateBands.Item)})");
            if (t.Low.Count == 0) add($"{at}.low", "needs at least one line");
            if (t.Mid.Count == 0) add($"{at}.mid", "needs at least one line");
            if (t.High.Count == 0) add($"{at}.high", "needs at least one line");
        }

        if (t.When is not null)
        {
            var condition = LineCondition.TryParse(t.When, out var error);
            if (condition is null) add($"{at}.when", error!);
            else
            {
                foreach (var v in condition.Variables.Where(v => !isVariable(v)))
                {
                    add($"{at}.when", $"'{v}' is not a state variable of this persona");
                }

                foreach (var p in condition.Parts.Where(p => p.Variable == LineCondition.TurnVariable && p.Operator is "improving" or "worsening"))
                {
                    add($"{at}.when", $"the turn is neither improving nor worsening ('{p.Variable} {p.Operator}')");
                }
            }
        }
    }

    private static void CheckBands(IReadOnlyDictionary<string, IReadOnlyList<string>> bands, string variable, string at, Action<string, string> add)
    {
        var names = StateBands.Of(variable);
        foreach (var (band, lines) in bands)
        {
            if (!names.Contains(band, StringComparer.Ordinal))
            {
                add($"{at}.{band}", $"'{band}' is not a band of {variable} (one of: {string.Join(", ", names)})");
            }
            else if (lines.Count == 0)
            {
                add($"{at}.{band}", "needs at least one line (leave the band out to say nothing in it)");
            }
            else
            {
                CheckLines(lines, $"{at}.{band}", add);
            }
        }
    }

    private static void CheckLines(IReadOnlyList<string> lines, string at, Action<string, string> add)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) add($"{at}[{i.ToString(CultureInfo.InvariantCulture)}]", "must not be empty");
        }
    }
}
