namespace Simulator.FakeModelServer;

/// <summary>Splits a reply into a few streamed pieces at word boundaries; the pieces concatenate to the text.</summary>
internal static class TextPieces
{
    public static IReadOnlyList<string> Split(string text, int maxPieces = 4)
    {
        if (text.Length == 0)
        {
            return [];
        }

        // Start index of every word after the first: candidate cut points.
        var cuts = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && char.IsWhiteSpace(text[i - 1]))
            {
                cuts.Add(i);
            }
        }

        var pieces = Math.Min(maxPieces, cuts.Count + 1);
        var result = new List<string>(pieces);
        var start = 0;
        for (var p = 1; p < pieces; p++)
        {
            var cut = cuts[(p * (cuts.Count + 1) / pieces) - 1];
            result.Add(text[start..cut]);
            start = cut;
        }

        result.Add(text[start..]);
        return result;
    }

    /// <summary>The first half of the words of <paramref name="text"/> (at least one word when there is any).</summary>
    public static string FirstHalf(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var keep = Math.Max(words.Length == 0 ? 0 : 1, words.Length / 2);
        return string.Join(' ', words.Take(keep));
    }
}
