using System.Text.RegularExpressions;

namespace Simulator.Monitoring.Raters.Offline;

/// <summary>
/// Phrase patterns for the nine PHQ-9 items and the C-SSRS ideation levels, as a patient would say
/// them in conversation (British and American English). Item 9 of the PHQ-9 is read off the C-SSRS level.
/// </summary>
internal static partial class DepressionLexicon
{
    /// <summary>Items 1–8 of the PHQ-9, in order.</summary>
    public static readonly (string Item, Regex Pattern)[] Items =
    [
        ("anhedonia", Anhedonia()),
        ("low mood", LowMood()),
        ("sleep", Sleep()),
        ("fatigue", Fatigue()),
        ("appetite", Appetite()),
        ("worthlessness or guilt", Worthlessness()),
        ("concentration", Concentration()),
        ("psychomotor", Psychomotor()),
    ];

    /// <summary>C-SSRS ideation levels 5 down to 1.</summary>
    public static readonly (int Level, Regex Pattern)[] Ideation =
    [
        (5, PlanAndIntent()),
        (4, Intent()),
        (3, Method()),
        (2, ActiveThoughts()),
        (1, WishToBeDead()),
    ];

    [GeneratedRegex(@"\b(no|lost( all)?|lost my) (interest|pleasure|enjoyment)|\b(don'?t|can'?t|doesn'?t|didn'?t) enjoy|\bused to (love|enjoy|like)|\bnothing (tastes|interests|appeals|feels good)|\bno point (in )?(getting up|doing)|\bnothing to get up for|\bjust look at them|\bcan'?t be bothered|\bdon'?t (want|feel like) (to do )?(doing )?anything|\bstopped (going|playing|doing|answering|seeing)|\bgone out of (it|everything)|\blet everything go\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anhedonia();

    [GeneratedRegex(@"\bdepressed\b|\bdepression\b|\b(feel|feeling|felt) (so |really |very )?(low|down|empty|numb|awful|terrible|miserable|hopeless|heavy|flat)\b|\bhopeless|\bno future\b|\bcan'?t see (a way|it ever|past|any|myself)|\bcry(ing)?\b|\bcried\b|\btears\b|\bcan'?t cope\b|\bfalling apart\b|\bjust blank\b|\bnever going to (lift|get better|change|stop)|\bnothing'?s going to (change|get better)|\bno point\b|\bpointless\b|\bwhat'?s the (point|good)\b|\bsad(ness)?\b|\bmiserable\b|\bdespair|\bdread\b|\bheavy\b|\bhow much more\b|\bwant it all to stop\b|\bwaiting for (something|it) to end", RegexOptions.IgnoreCase)]
    private static partial Regex LowMood();

    [GeneratedRegex(@"\b(can'?t|couldn'?t|not|barely|hardly) (get to )?sleep|\b(wake|woke|waking|up) (up )?at (one|two|three|four|five|\d)|\blie (awake|there)\b|\binsomnia\b|\bsleeping (all day|in the day|too much|during the day)|\bnot slept\b|\bhaven'?t slept\b|\b(don'?t|can'?t) get out of bed\b|\bin bed all day\b|\bstay(ed|ing)? in bed\b|\b(three|two|four) hours in a row\b|\bnightmares?\b|\bawake (all|half) (night|the night)|\bsleep(ing)? (badly|terribly)", RegexOptions.IgnoreCase)]
    private static partial Regex Sleep();

    [GeneratedRegex(@"\btired\b|\bexhaust(ed|ing|ion)\b|\bno energy\b|\bdrained\b|\bworn out\b|\beffort(ful)?\b|\bpushing through mud\b|\bwiped out\b|\bshattered\b|\bknackered\b|\blethargic\b|\bcan'?t (get up|face|manage) (anything|it|the)\b|\bcan'?t even (do|manage|shower)|\bhaven'?t showered", RegexOptions.IgnoreCase)]
    private static partial Regex Fatigue();

    [GeneratedRegex(@"\b(not|no|stopped|barely|hardly) eat(ing)?\b|\bappetite\b|\blost (weight|a stone|nearly a stone|over a stone|\w+ (kilos?|pounds))|\bweight loss\b|\b(jeans|clothes|ring|trousers)\b.{0,25}\b(hanging|slipping|loose|falls?)|\bnothing tastes|\beating (because i have to|too much|all the time)|\bcomfort eat|\bskipp(ed|ing) meals", RegexOptions.IgnoreCase)]
    private static partial Regex Appetite();

    [GeneratedRegex(@"\bworthless|\buseless\b|\b(a|such a|total) failure\b|\bburden\b|\blet(ting)? (everyone|them|you|people|everybody) down\b|\bashamed\b|\bshame\b|\bmy fault\b|\bguilt(y)?\b|\bhate myself\b|\bpathetic\b|\bno use to anyone\b|\bbetter off without me\b|\ba weight round\b|\bin the way\b|\bdragging (them|everyone|you)\b|\bwast(e|ing) (of|your) (space|time)\b|\bi'?ve ruined\b|\bnot worth\b", RegexOptions.IgnoreCase)]
    private static partial Regex Worthlessness();

    [GeneratedRegex(@"\bcan'?t (concentrate|focus|think straight|read|follow)\b|\bconcentrat(e|ion)\b|\blost track\b|\bin a fog\b|\ba bit of a fog\b|\bfog\b|\bmind (wanders|goes blank|keeps drifting)\b|\bforget(ting)? things\b|\bcan'?t (make|take) (a )?decisions?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Concentration();

    [GeneratedRegex(@"\b(so|very|really) slow\b|\bslowed (down|right down)\b|\bmov(e|ing) (so )?slowly\b|\beven talking feels\b|\bcan'?t sit still\b|\brestless\b|\bpacing\b|\bfidget|\bjust sit (there|here)\b|\bsit there in the dark\b", RegexOptions.IgnoreCase)]
    private static partial Regex Psychomotor();

    /// <summary>Words that raise an item's score to 3 in the sentence they are in.</summary>
    [GeneratedRegex(@"\b(every (day|morning|night|single)|all (the time|day|night)|nearly every|most (days|mornings|nights|of the day)|always|completely|at all|constantly|can'?t stop|so much|since (july|august|the summer|\w+ months?))\b", RegexOptions.IgnoreCase)]
    public static partial Regex Intense();

    /// <summary>Words that lower an item's score to 1 in the sentence they are in.</summary>
    [GeneratedRegex(@"\b(a bit|a little|some days|sometimes|the odd|once or twice|not every|less (lately|now|than)|slightly|now and then|occasionally|small thing)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Mild();

    /// <summary>Signs of feeling better: a sentence with one lowers its items by 1 and counts as low mood scored 0.</summary>
    [GeneratedRegex(@"\b(feel|feeling|felt|been|a bit|a little|much|bit) (better|calmer|lighter|easier)\b|\b(better|calmer|easier) (day|afternoon|week|today|night)\b|\blaugh(ed)?\b|\benjoy(ed)?\b|\bslept (till|through|well|better|in)\b|\blie-in\b|\bgot dressed\b|\bgood (day|week|afternoon|morning)\b|\blooking forward\b|\bhopeful\b|\bmanaged to\b|\bi can picture\b|\bsun was out\b|\bit'?s possible\b|\bi'?m (okay|ok|alright|fine)\b|\bwant to be there\b|\bthat might be nice\b|\bbeen (alright|okay|ok)\b|\bnot so (wound up|bad)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Wellness();

    /// <summary>A negation just before a symptom word ("I didn't lie awake").</summary>
    [GeneratedRegex(@"\b(not|never|no longer|didn'?t|don'?t|haven'?t|wasn'?t|isn'?t|hasn'?t|won'?t|nor)\b[^.!?,]{0,18}$", RegexOptions.IgnoreCase)]
    public static partial Regex NegatedBefore();

    [GeneratedRegex(@"\b(picked|chosen|set) a (day|date)\b|\b(i'?ve|i have) (written|wrote) (a note|notes|letters|something for)|\bgiv(ing|en) (things|my things|stuff|my \w+ \w+) away|\bgave \w+ my (good|best)\b|\bsaid (my )?goodbyes?\b|\bwhen the house is empty\b|\bgot it all planned\b|\bhave a plan to (kill|end)|\b(tonight|tomorrow) is the night\b|\bwanted somebody to know\b|\bwhen i'?ll do it\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlanAndIntent();

    [GeneratedRegex(@"\b(made|making) my mind up\b|\b(i'?m|i am) going to (do it|kill myself|end it)|\bi('ll| will) (do it|kill myself|end it)\b|\burge is (strong|stronger)|\bcan'?t keep going\b|\bthis is (the end|goodbye)\b|\bready to (die|end it)\b|\bgoing to act on (it|them)\b|\bi intend to\b|\bthought about when\b", RegexOptions.IgnoreCase)]
    private static partial Regex Intent();

    [GeneratedRegex(@"\bhow i'?d do it\b|\b(counted|stockpil\w*|sav(ed|ing)|keep(ing)?|hoard\w*) (up )?(my |the |mum'?s |some )?(old )?(tablets|pills|painkillers|meds|medication)|\boverdose\b|\b(jump|jumping) (off|from|in front)|\bhang(ing)? myself\b|\brope\b|\bthe bridge\b|\bcut(ting)? (deeper|my wrists?)|\bthe tablets, mostly\b|\bnot stopping at the junction\b|\bdrive (into|off)\b|\bstep in front of\b|\ba bag at the back\b", RegexOptions.IgnoreCase)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(thought|thinking|think|thoughts) (about|of) (killing myself|suicide|ending (it|my life)|taking my (own )?life|dying)\b|\bsuicidal\b|\bsuicide\b|\bkill(ing)? myself\b|\bend (it all|my life)\b|\btake my (own )?life\b|\bdon'?t want to (live|be alive)\b|\bwant to die\b|\bbetter off dead\b|\ba door i keep noticing\b|\bdon'?t trust myself\b|\bwouldn'?t (just )?be hurting myself\b|\bnot one that doesn'?t end badly\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveThoughts();

    [GeneratedRegex(@"\bwish(ed)? i (was|were|wouldn'?t|could) (dead|wake|not wake|disappear|just not)|\bnot (wake|waking) up\b|\bdon'?t want to (be here|wake up)|\b(easier|better) (not being around|if i wasn'?t here|if i was gone)|\bif i (just )?wasn'?t here\b|\bbetter off without me\b|\bnot be here any ?more\b|\bwouldn'?t wake\b|\bdon'?t want to be around\b|\bjust wasn'?t here\b|\bbetter off, really\b|\bif i disappeared\b|\b(cope|manage|be fine) (fine )?without me\b|\bwhy am i even bothering\b|\bwhat'?s the point of (me|being here|living)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WishToBeDead();

    /// <summary>Explicit denial of intent or plan: carried-over ideation is capped at this message's level.</summary>
    [GeneratedRegex(@"\b(don'?t|do not) want to die\b|\bwouldn'?t do (anything|that|it)\b|\b(not|never) going to do anything\b|\bhaven'?t (done|taken) anything\b|\bnot the same as dying\b|\b(thought|thinking) about it less\b|\bi'?m safe\b|\bcouldn'?t do that to\b|\bthe thoughts have (gone|eased|stopped)", RegexOptions.IgnoreCase)]
    public static partial Regex Denial();
}
