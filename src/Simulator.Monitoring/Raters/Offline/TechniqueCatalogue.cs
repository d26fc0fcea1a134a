using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Simulator.Core.Protocols;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// Maps a protocol's technique names (free text) to phrase patterns: each entry applies to every
/// technique whose name matches its key. Built once per protocol.
/// </summary>
internal sealed class TechniqueCatalogue
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private static readonly ConditionalWeakTable<Protocol, TechniqueCatalogue> Cache = [];

    private TechniqueCatalogue(IReadOnlyList<(string Name, Regex Pattern)> expected, IReadOnlyList<(string Name, Regex Pattern)> proscribed)
    {
        Expected = expected;
        Proscribed = proscribed;
    }

    /// <summary>Detectors of the protocol's expected techniques (plus the open questions and reflections every talking therapy uses).</summary>
    public IReadOnlyList<(string Name, Regex Pattern)> Expected { get; }

    /// <summary>Detectors of the protocol's proscribed techniques.</summary>
    public IReadOnlyList<(string Name, Regex Pattern)> Proscribed { get; }

    /// <summary>The first expected technique seen in <paramref name="reply"/>, a reply of the session of <paramref name="turn"/> ("" for none), remembered per reply.</summary>
    public string FirstExpected(TurnView turn, string reply) =>
        SessionMemory.Of(turn, reply).Get(Reading.ExpectedTechnique, this, static (catalogue, r) => catalogue.Expected.FirstOrDefault(e => KeywordScreen.IsMatch(e.Pattern, r)).Name ?? "");

    /// <summary>Every detector of every protocol, for the keyword screen.</summary>
    internal static IEnumerable<Regex> Patterns =>
        Generic.Select(g => g.Pattern).Concat(ExpectedTable.Select(e => e.Pattern)).Concat(ProscribedTable.Select(p => p.Pattern));

    public static TechniqueCatalogue For(Protocol protocol) => Cache.GetValue(protocol, static p => Build(p));

    private static TechniqueCatalogue Build(Protocol p)
    {
        static List<(string, Regex)> Pick(IEnumerable<string> techniques, (Regex Key, string Name, Regex Pattern)[] table)
        {
            var names = techniques.ToList();
            return [.. table.Where(e => names.Any(t => e.Key.IsMatch(t))).Select(e => (e.Name, e.Pattern))];
        }

        var expected = Pick(p.Techniques.Expected, ExpectedTable);
        expected.AddRange(Generic.Where(g => expected.All(e => e.Item1 != g.Name)).Select(g => (g.Name, g.Pattern)));
        return new TechniqueCatalogue(expected, Pick(p.Techniques.Proscribed, ProscribedTable));
    }

    private static Regex R(string pattern) => new(pattern, Options);

    private static readonly (string Name, Regex Pattern)[] Generic =
    [
        ("open question", R(@"(^|[.!?]\s+)(what|how|when|where|which|could you|can you tell|tell me|in what way)\b[^.!?]*\?")),
        ("reflection", R(@"\b(it sounds (like|as though)|sounds (really |so |very )?(hard|painful|exhausting|frightening|lonely|difficult|scary|overwhelming|heavy)|you('re| are) feeling|you feel|you('ve| have) been|that must (be|have been)|i can hear|i hear (how|that)|so (for you|you('re| are)))\b")),
    ];

    private static readonly (Regex Key, string Name, Regex Pattern)[] ExpectedTable =
    [
        (R("agenda|focus"), "agenda", R(@"\bagenda\b|\bwhat (would you like|feels most important|do you want) (to|for us to) (cover|focus|work on|talk about)|\bfocus (on|first)\b|\bwork on\b")),
        (R("feedback"), "feedback", R(@"\bfeedback\b|\bhow (is|was|has) (this|today|the session|that) (landing|been|going|for you)|\bdidn'?t (work|help) for you\b|\bdoesn'?t sit right\b|\bbothered you\b|\bdisagree")),
        (R("socratic|guided discovery"), "guided discovery", R(@"\bwhat (do you make of|might|would|does that)\b|\bhow might\b|\bwhat (tells|makes) you\b|\bwhat do you notice\b|\bhow (do|did) you (know|make sense)")),
        (R("automatic thought|crisis narrative"), "eliciting thoughts", R(@"\bgo(ing|es)? through your (mind|head)\b|\bwhat (thought|was the thought)\b|\bpopped into your head\b|\bwalk me through\b|\bwhat happened (just )?before\b")),
        (R("rating|ratings|ruler|suds|likelihood"), "ratings", R(@"\b(zero|0) to (ten|10|a hundred|100)\b|\bper ?cent\b|\bhow strongly\b|\bhow (much|confident|important|likely)\b|\bon a scale\b")),
        (R("evidence|alternative|discrepancy"), "examining evidence", R(@"\bevidence\b|\bmakes it feel true\b|\bdoesn'?t fit\b|\bfor and against\b|\banother (explanation|way of)\b|\balternative\b|\bhow might (they|someone|a friend) see\b|\bother explanation\b|\bbalanced\b|\bat the same time\b")),
        (R("decatastroph"), "decatastrophising", R(@"\bworst (that|thing|case)\b|\bmost likely\b|\bbest (that could|case)\b")),
        (R("thought record|writing the plan|monitoring"), "writing it down", R(@"\bthought record\b|\bwrite (this|it|that|them) down\b|\bwritten down\b|\bdiary\b|\bin your own words\b|\bkeep a (log|record)")),
        (R("experiment"), "behavioural experiment", R(@"\bexperiment\b|\btest (this|it|that) out\b|\bpredict")),
        (R("homework"), "homework", R(@"\bhomework\b|\bbetween (now and next time|sessions)\b|\bthis (coming )?week\b|\bin the next few days\b|\bpractise|\bpractice\b")),
        (R("summar"), "summary", R(@"\bsummar|\bso far\b|\blet me (check|see) (if|whether|that) i\b|\bwhat i'?m hearing\b|\bif i'?ve understood\b")),
        (R("risk"), "risk assessment", R(@"\bsafe\b|\bsuicid|\b988\b|\bcrisis\b|\bemergency\b|\bsafety plan|\bplans? to (end|harm|hurt)|\bend your (own )?life|\b(hurt|harm|kill)(ing)? yourself")),
        (R("reflect|empath"), "reflection", Generic[1].Pattern),
        (R("open question"), "open question", Generic[0].Pattern),
        (R("affirm"), "affirmation", R(@"\byou('ve| have) (done|shown|managed|kept)\b|\bthat took (courage|strength)\b|\bit'?s clear (you|that you)\b|\bwell done\b|\bthat'?s a (real )?(strength|achievement)\b|\bcredit\b")),
        (R("autonomy|choice|permission"), "autonomy", R(@"\b(it'?s|that'?s) (your|up to you)\b|\byour (choice|call|decision)\b|\bwould it be (ok|okay|all right|alright) if\b|\bmay i\b|\bcan i (share|offer|suggest)\b")),
        (R("change talk|looking back|looking forward|values|reasons for living"), "evoking", R(@"\bwhat would (be different|change)\b|\breasons? (for|to) (change|live|living|keep going)\b|\bmatters? (most )?to you\b|\bimportant to you\b|\bvalues?\b|\bwhat keeps you going\b|\blooking (back|ahead|forward)\b|\ba year from now\b")),
        (R("activit|schedul|mastery|pleasure|outside in|graded|steps|troubleshoot"), "activity planning", R(@"\bactivit|\bschedul|\bwhich day\b|\bwhat time\b|\bmastery\b|\bpleasure\b|\bsmall(er)? steps?\b|\bbreak (it|this|that) (down|into)\b|\bget in the way\b|\bplan (around|for|a)\b|\bobstacle")),
        (R("exposure|hierarchy|hotspot|escape|protective|stay with|processing|breathing|psychoeducation|model"), "exposure work", R(@"\bexposure\b|\bhierarchy\b|\bladder\b|\bstay with\b|\bhotspot\b|\bsafety behaviou?r|\bavoid(ance|ing)?\b|\bbreath|\bwhat did you (notice|learn)\b|\bthe (cycle|model)\b|\bkeeps? (it|the fear|the anxiety) going\b")),
        (R("warning signs|coping|support|help|professional contacts|means|distraction"), "safety planning", R(@"\bwarning signs?\b|\bcop(e|ing)\b|\bsupport\b|\bwho (could|can|would) you\b|\breach out\b|\bcrisis line\b|\bmeans\b|\b(tablets|pills|medication) (somewhere|away)\b|\bdistract")),
        (R("problem clarification|exploring feelings|meaning"), "exploring", R(@"\bwhat (was|is) that like\b|\bwhat does (that|it) mean (to|for) you\b|\btell me more\b|\bhelp me understand\b|\bmain problem\b")),
        (R("rumination"), "rumination", R(@"\brumina|\bgoing round\b|\bdwell")),
    ];

    private static readonly (Regex Key, string Name, Regex Pattern)[] ProscribedTable =
    [
        (R("advice list|generic advice|lists"), "generic advice list", R(@"^\s*([-*•]|\d+[.)])\s+\S|\bhere are (some|a few)\b|\btips\b|\bstrategies (that|you can|to)\b")),
        (R("medical|medication"), "medication advice", R(@"\b(increase|decrease|double|stop|start|skip|up) (your|the) (dose|dosage|medication|tablets|pills|sertraline|antidepressants?)\b|\b\d+ ?mg\b|\bmelatonin\b|\bsupplement|\bsleeping pills?\b")),
        (R("lectur|moralis|warning|threat"), "lecturing", R(@"\byou (really )?(need|have|ought|must) to\b|\byou should(n'?t)?\b|\bit'?s (important|essential|vital) (that|to) you\b|\byou can'?t keep\b")),
        (R("reassurance|false promises|everything will be fine"), "reassurance", R(@"\b(everything|it|you)('ll| will) be (fine|okay|ok|alright|all right)\b|\bnothing (bad )?(is going to|will) happen\b|\b(definitely|certainly|absolutely) (fine|safe|locked|off|not)\b|\bdon'?t worry\b|\bi promise\b")),
        (R("delusional"), "agreeing with a delusional belief", R(@"\byou'?re (absolutely |completely |totally )?right\b|\bthey (really|clearly|definitely|obviously) are\b|\bthat'?s (definitely|clearly|obviously) (true|happening|what'?s going on)\b|\bi believe you'?re being\b")),
        (R("wrong|arguing|confront|dismiss|persuad"), "arguing", R(@"\bthat'?s (not true|irrational|ridiculous|silly|nonsense|not real|impossible)\b|\byou'?re (wrong|being irrational|overreacting|imagining (it|things))\b|\bthere'?s no way\b|\bof course they'?re not\b|\bjust stop (thinking|worrying)\b")),
        (R("stigmati|labell"), "stigmatising", R(@"\bpeople like you\b|\b(crazy|psycho|nuts|lunatic|mental case|addict|alcoholic|attention-seeking|dramatic|weak-willed)\b|\bin denial\b|\bparanoid (type|person)\b")),
        (R("abandon|cutting short|skipping"), "abandoning the task", R(@"\blet'?s (not|forget|skip|put aside|leave|drop|stop) (the|this|that|today'?s) (exercise|agenda|homework|exposure|task|plan|work)\b|\bforget (about )?the (exercise|homework|exposure|agenda)\b|\bmaybe we (should|could) just (chat|talk about something else|take it easy)\b|\bset (the|this) (exercise|agenda|task) aside\b")),
        (R("righting reflex|rushing to fix"), "righting reflex", R(@"\bwhat you need to do is\b|\bthe (solution|answer) is\b|\bwhy don'?t you (just )?\b|\bjust try\b")),
        (R("contract"), "no-suicide contract", R(@"\bpromise (me )?(that )?you (won'?t|will not)\b|\bpromise not to\b")),
        (R("waiting for motivation"), "waiting for motivation", R(@"\bwait (until|till) you feel (like it|motivated|ready|better)\b")),
    ];
}
