using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// What one patient message says of its state, sentence by sentence: PHQ-9 items 1–8 reported
/// (scored 0..3 by the instrument's frequency words) or said to be fine, the C-SSRS ideation level
/// voiced, and whether ideation or intent is denied. Made once per message (the session memory keeps it).
/// </summary>
internal sealed class SymptomReading
{
    /// <summary>Item scores 0..3 of items 1–8; -1 where the message says nothing of the item.</summary>
    public readonly double[] Items = [-1, -1, -1, -1, -1, -1, -1, -1];

    /// <summary>The sentence of each item's score.</summary>
    public readonly string?[] ItemEvidence = new string?[8];

    /// <summary>The highest C-SSRS ideation level voiced (0 none).</summary>
    public int Cssrs;

    /// <summary>The message denies intent or plan ("I'd never act on it").</summary>
    public bool Denial;

    /// <summary>The message denies ideation altogether ("the dark thoughts have gone").</summary>
    public bool NoIdeation;

    /// <summary>The sentence of the ideation level, or of the denial.</summary>
    public string? CssrsEvidence;

    /// <summary>Whether the message says anything of its mood, symptoms or ideation.</summary>
    public bool SaysAnything => Cssrs > 0 || Denial || NoIdeation || Items.Any(i => i >= 0);

    public static SymptomReading Read(string text)
    {
        var reading = new SymptomReading();
        if (string.IsNullOrEmpty(text))
        {
            return reading;
        }

        // The whole message is asked whether each pattern occurs (once its keywords are seen in it);
        // sentences are read only for the patterns that hit.
        var items = 0;
        var normal = 0;
        for (var i = 0; i < DepressionLexicon.Items.Length; i++)
        {
            if (KeywordScreen.IsMatch(DepressionLexicon.Items[i].Pattern, text)) items |= 1 << i;
            if (KeywordScreen.IsMatch(DepressionLexicon.Normal[i], text)) normal |= 1 << i;
        }

        var ideation = 0;
        for (var i = 0; i < DepressionLexicon.Ideation.Length; i++)
        {
            if (KeywordScreen.IsMatch(DepressionLexicon.Ideation[i].Pattern, text)) ideation |= 1 << i;
        }

        var wellness = KeywordScreen.IsMatch(DepressionLexicon.Wellness(), text);
        reading.Denial = KeywordScreen.IsMatch(DepressionLexicon.Denial(), text);
        reading.NoIdeation = KeywordScreen.IsMatch(DepressionLexicon.NoIdeation(), text);
        if (reading.Denial)
        {
            reading.CssrsEvidence = SpanFinder.Sentence(text, DepressionLexicon.Denial());
        }

        if (items == 0 && normal == 0 && ideation == 0 && !wellness)
        {
            return reading;
        }

        var mask = new Mask(items, normal, ideation, wellness);
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or '\n'))
            {
                continue;
            }

            if (i > start)
            {
                reading.ReadSentence(text[start..Math.Min(text.Length, i + 1)].Trim(), mask);
            }

            start = i + 1;
        }

        return reading;
    }

    private readonly record struct Mask(int Items, int Normal, int Ideation, bool Wellness);

    private void ReadSentence(string sentence, Mask mask)
    {
        if (sentence.Length < 2)
        {
            return;
        }

        var denial = Denial && mask.Ideation != 0 && DepressionLexicon.Denial().IsMatch(sentence);
        for (var j = 0; j < DepressionLexicon.Ideation.Length; j++)
        {
            var (level, pattern) = DepressionLexicon.Ideation[j];
            if (level <= Cssrs)
            {
                break;
            }

            // A sentence that denies intent or plan cannot also voice them.
            if ((mask.Ideation & (1 << j)) == 0 || (denial && level >= 3))
            {
                continue;
            }

            var m = pattern.Match(sentence);
            if (m.Success && !IsNegated(sentence, m))
            {
                Cssrs = level;
                CssrsEvidence = sentence;
                break;
            }
        }

        var wellness = mask.Wellness && DepressionLexicon.Wellness().IsMatch(sentence);
        bool? intense = null, mild = null;
        var found = false;
        for (var i = 0; i < DepressionLexicon.Items.Length; i++)
        {
            if ((mask.Items & (1 << i)) == 0)
            {
                continue;
            }

            var m = DepressionLexicon.Items[i].Pattern.Match(sentence);
            if (!m.Success || IsNegated(sentence, m))
            {
                continue;
            }

            found = true;
            intense ??= DepressionLexicon.Intense().IsMatch(sentence);
            mild ??= DepressionLexicon.Mild().IsMatch(sentence);
            double s = intense.Value ? 3 : mild.Value ? 1 : 2;
            if (wellness)
            {
                s = Math.Max(0, s - 1);
            }

            if (s > Items[i])
            {
                Items[i] = s;
                ItemEvidence[i] = sentence;
            }
        }

        // An item said to be fine scores 0: in its own sentence it outweighs a bare mention ("my appetite's fine"),
        // not a symptom reported elsewhere in the message.
        for (var i = 0; i < DepressionLexicon.Normal.Length; i++)
        {
            if ((mask.Normal & (1 << i)) != 0 && (Items[i] < 0 || ReferenceEquals(ItemEvidence[i], sentence))
                && DepressionLexicon.Normal[i].Match(sentence) is { Success: true } normal && !DepressionLexicon.NegatedBefore().IsMatch(sentence[Math.Max(0, normal.Index - 24)..normal.Index]))
            {
                Items[i] = 0;
                ItemEvidence[i] = sentence;
            }
        }

        // Feeling better, with no symptom in the same breath, is evidence of low mood scored 0.
        if (wellness && !found && Items[1] < 0)
        {
            Items[1] = 0;
            ItemEvidence[1] = sentence;
        }
    }

    private static bool IsNegated(string sentence, Match m)
    {
        // Patterns that carry their own negation ("can't sleep") are read as written.
        var head = sentence.AsSpan(m.Index, Math.Min(6, m.Length));
        if (head.Contains('\'') || head.StartsWith("no", StringComparison.OrdinalIgnoreCase) || head.StartsWith("not", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var before = sentence[Math.Max(0, m.Index - 24)..m.Index];
        return DepressionLexicon.NegatedBefore().IsMatch(before) && !before.Contains("can't stop", StringComparison.OrdinalIgnoreCase);
    }
}
