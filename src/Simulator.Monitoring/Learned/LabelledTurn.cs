using Simulator.Core.Labels;
using Simulator.Monitoring.Raters;
using Simulator.Monitoring.Raters.Offline;

namespace Simulator.Monitoring.Learned;

/// <summary>A labelled turn as the monitor sees it: the view, the rules' verdict and the features, with the labels.</summary>
/// <param name="Conversation">The index of its conversation among those read together.</param>
/// <param name="Turn">The turn, from 1.</param>
/// <param name="View">What the monitor sees of the turn.</param>
/// <param name="Rules">The rules' verdict.</param>
/// <param name="Features">The features the heads read.</param>
/// <param name="Labels">The turn's labels.</param>
/// <param name="Source">The file or folder its labels came from.</param>
internal sealed record LabelledTurn(int Conversation, int Turn, TurnView View, RuleVerdict Rules, FeatureVector Features, IReadOnlyDictionary<string, double> Labels, string Source = "")
{
    /// <summary>The labelled turns of <paramref name="conversations"/>, each seen with its conversation's case notes and read once.</summary>
    public static IReadOnlyList<LabelledTurn> Of(IReadOnlyList<LabelledConversation> conversations, FeatureSpec spec)
    {
        var turns = new List<LabelledTurn>();
        for (var c = 0; c < conversations.Count; c++)
        {
            var conversation = conversations[c];
            var notes = conversation.Persona is null && conversation.Protocol is null ? CaseNotes.None : new CaseNotes(conversation.Persona, conversation.Protocol);
            foreach (var labels in conversation.Labels)
            {
                if (labels.Turn < 1 || labels.Turn > conversation.Turns.Count)
                {
                    continue;
                }

                var view = TurnView.Of(conversation.Turns, labels.Turn - 1, notes);
                var rules = RuleVerdict.Of(view);
                turns.Add(new LabelledTurn(c, labels.Turn, view, rules, ExchangeFeatures.Of(view, rules, spec), labels.Values, conversation.Source));
            }
        }

        return turns;
    }
}
