namespace Simulator.FakeModelServer;

/// <summary>The fake server's token arithmetic: a token is a whitespace-separated word, plus 4 per message.</summary>
internal static class Tokens
{
    public const int PerMessage = 4;

    public static int Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                count++;
            }

            inWord = !space;
        }

        return count;
    }

    public static int Message(ReceivedMessage message) => Words(message.Content) + PerMessage;

    public static int Prompt(IReadOnlyList<ReceivedMessage> messages)
    {
        var total = 0;
        foreach (var message in messages)
        {
            total += Message(message);
        }

        return total;
    }
}
