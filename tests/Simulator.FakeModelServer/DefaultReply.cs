using System.Text.Json;

namespace Simulator.FakeModelServer;

/// <summary>The deterministic default reply: two sentences picked by a hash of the request.</summary>
internal static class DefaultReply
{
    private static readonly string[] Sentences =
    [
        "I hear how much that has been weighing on you.",
        "Can you tell me a little more about what happened next?",
        "That sounds like it was really hard to sit with.",
        "What do you notice in your body when you talk about it?",
        "It makes sense that you would feel that way.",
        "I'm not sure I know how to put it into words yet.",
        "Honestly, I've been thinking about that all week.",
        "Let's slow down for a moment and stay with that feeling.",
        "What would it look like if things were a little better?",
        "I guess part of me still hopes it will change.",
        "You mentioned your family earlier; how do they fit into this?",
        "That's a lot to carry on your own.",
        "I didn't expect it to bother me this much.",
        "What helped you get through times like this before?",
        "It sounds like you've been trying really hard.",
        "Sometimes I just want someone to listen.",
        "How did you feel when you said that out loud?",
        "I keep going back and forth about it.",
        "Thank you for trusting me with this.",
        "Maybe I'm overthinking it, but it still hurts.",
        "What do you need most from our time today?",
        "I can see why that would leave you feeling stuck.",
        "Work has been keeping me up at night lately.",
        "Let's notice that thought without judging it.",
        "I'm trying to be kinder to myself about it.",
        "What would you say to a friend in the same situation?",
        "It felt easier to talk about it this time.",
        "That seems like an important step for you.",
        "I don't really know what I want anymore.",
        "We can take this at whatever pace feels right.",
    ];

    public static string For(ReceivedRequest request)
    {
        var last = request.Messages.Count == 0 ? string.Empty : request.Messages[^1].Content;
        var hash = Fnv.Hash(request.Messages.Count, last);
        var n = (ulong)Sentences.Length;
        var first = (int)(hash % n);
        var second = (int)(hash / n % (n - 1));
        if (second >= first)
        {
            second++;
        }

        var text = Sentences[first] + " " + Sentences[second];
        return WantsJson(request.ResponseFormatType) ? AsJsonObject(text) : text;
    }

    private static bool WantsJson(string? responseFormatType) =>
        responseFormatType is not null && !string.Equals(responseFormatType, "text", StringComparison.OrdinalIgnoreCase);

    private static string AsJsonObject(string text) =>
        JsonText.ToUtf8String(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("reply", text);
            writer.WriteEndObject();
        });
}
