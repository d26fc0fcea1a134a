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

    /// <summary>
    /// Items 1–8 said to be fine ("I'm sleeping alright", "my appetite's back"): each scores its item 0,
    /// which lowers what the monitor remembers of it (a denial contradicts an earlier report).
    /// </summary>
    public static readonly Regex[] Normal =
    [
        AnhedoniaNormal(), MoodNormal(), SleepNormal(), EnergyNormal(), AppetiteNormal(), WorthlessnessNormal(), ConcentrationNormal(), PsychomotorNormal(),
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

    [GeneratedRegex(@"\b(no|lost( all)?|lost my) (interest|pleasure|enjoyment)|\b(don'?t|can'?t|doesn'?t|didn'?t) (really )?enjoy|\bused to (love|enjoy|like)|\bnothing (tastes|interests|appeals|feels good)|\bno point (in )?(getting up|doing)|\bnothing to get up for|\bjust look at them|\bcan'?t be bothered|\bdon'?t (want|feel like) (to do )?(doing )?anything|\bstopped (going|playing|doing|answering|seeing)|\bgone out of (it|everything)|\blet everything go\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anhedonia();

    [GeneratedRegex(@"\bdepressed\b|\bdepression\b|\b(feel|feeling|felt) (so |really |very |kind of |sort of |a bit |quite |pretty )?(low|down|empty|numb|awful|terrible|miserable|hopeless|heavy|flat)\b|\bhopeless|\bno future\b|\bcan'?t see (a way|it ever|past|any|myself)|\bcry(ing)?\b|\bcried\b|\btears\b|\bcan'?t cope\b|\bfalling apart\b|\bjust blank\b|\bdead inside\b|\b(feel|felt) nothing\b|\bnever going to (lift|get better|change|stop)|\bnothing'?s going to (change|get better)|\bno point\b|\bpointless\b|\bwhat'?s the (point|good)\b|\bsad(ness)?\b|\bmiserable\b|\bdespair|\bdread\b|\bheavy\b|\bhow much more\b|\bwant it all to stop\b|\bwaiting for (something|it) to end", RegexOptions.IgnoreCase)]
    private static partial Regex LowMood();

    [GeneratedRegex(@"\b(can'?t|couldn'?t|not|barely|hardly) (get (back )?to )?sleep|\b(wake|woke|waking|up) (up )?at (one|two|three|four|five|\d)|\bl(ie|ay|ying) (awake|there)\b|\b(barely|hardly) slept\b|\bup (half|all) (the )?night\b|\binsomnia\b|\bsleep(ing)? till (noon|lunch(time)?|one|two|three|\d)|\bsleeping (all day|in the day|too much|during the day)|\bnot slept\b|\bhaven'?t slept\b|\b(don'?t|can'?t) get out of bed\b|\bin bed all day\b|\bstay(ed|ing)? in bed\b|\b(three|two|four) hours in a row\b|\bnightmares?\b|\bawake (all|half) (night|the night)|\bsleep(ing)? (badly|terribly)", RegexOptions.IgnoreCase)]
    private static partial Regex Sleep();

    [GeneratedRegex(@"\btired\b|\bexhaust(ed|ing|ion)\b|\bno energy\b|\bdrained\b|\bworn out\b|\beffort(ful)?\b|\bpushing through mud\b|\bwiped out\b|\bshattered\b|\bknackered\b|\blethargic\b|\bcan'?t (get up|face|manage) (anything|it|the)\b|\bcan'?t even (do|manage|shower)|\bhaven'?t showered", RegexOptions.IgnoreCase)]
    private static partial Regex Fatigue();

    [GeneratedRegex(@"\b(not|no|stopped|barely|hardly) eat(ing)?\b|\bappetite\b|\blost (weight|a stone|nearly a stone|over a stone|\w+ (kilos?|pounds))|\bweight loss\b|\b(jeans|clothes|ring|trousers)\b.{0,25}\b(hanging|slipping|loose|falls?)|\bnothing tastes|\beating (because i have to|too much|all the time)|\bcomfort eat|\bskipp(ed|ing) meals|\bforget(ting)? to eat|\b(barely|hardly|not) eaten\b", RegexOptions.IgnoreCase)]
    private static partial Regex Appetite();

    [GeneratedRegex(@"\bworthless|\buseless\b|\b(a|such a|total) failure\b|\bburden\b|\blet(ting)? (everyone|them|you|people|everybody) down\b|\bashamed\b|\bshame\b|\bmy fault\b|\bguilt(y)?\b|\bhate myself\b|\bpathetic\b|\bno use to anyone\b|\bbetter off without me\b|\ba weight round\b|\bin the way\b|\bdragging (them|everyone|you)\b|\bwast(e|ing) (of|your) (space|time)\b|\bi'?ve ruined\b|\bnot worth\b", RegexOptions.IgnoreCase)]
    private static partial Regex Worthlessness();

    [GeneratedRegex(@"\bcan'?t (concentrate|focus|think straight|read|follow)\b|\bconcentrat(e|ion)\b|\b(lost|lose|losing) track\b|\bin a fog\b|\ba bit of a fog\b|\bfog\b|\bmind (wanders|goes blank|keeps drifting)\b|\bforget(ting)? things\b|\bcan'?t (make|take) (a )?decisions?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Concentration();

    [GeneratedRegex(@"\b(so|very|really) slow\b|\bslowed (down|right down)\b|\bmov(e|ing) (so )?slowly\b|\beven talking feels\b|\bcan'?t sit still\b|\brestless\b|\bpacing\b|\bfidget|\bjust sit (there|here)\b|\bsit there in the dark\b", RegexOptions.IgnoreCase)]
    private static partial Regex Psychomotor();

    /// <summary>Words that raise an item's score to 3 ("nearly every day") in the sentence they are in.</summary>
    [GeneratedRegex(@"(?<!\bnot )\b(every (day|morning|night|single|evening)|all (the time|day|night|day long)|nearly every|day in,? day out|every waking|always|completely|at all|constantly|can'?t stop|so much|since (about |around )?(january|february|march|april|may|june|july|august|september|october|november|december|christmas|the summer|\w+ months?))\b", RegexOptions.IgnoreCase)]
    public static partial Regex Intense();

    /// <summary>Words that lower an item's score to 1 ("several days") in the sentence they are in.</summary>
    [GeneratedRegex(@"\b(a bit|a little|some days|sometimes|the odd|once or twice|not every|less (lately|now|than)|slightly|now and then|occasionally|small thing|a couple of (days|nights|times|mornings)|one or two (days|nights)|here and there|on and off)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Mild();

    [GeneratedRegex(@"\bi (still |really |actually )?(enjoy(ed)?|love|loved|like|liked) (it|the|my|\w+ing\b|a )|\blook(ing)? forward to\b|\bhad (a )?(good )?fun\b|\bgot (something|a lot) out of\b|\bit was (nice|lovely|good fun)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnhedoniaNormal();

    [GeneratedRegex(@"\bmy mood'?s? (is |has been |been )?(okay|alright|fine|good|decent|steady|better)\b|\b(i'?m|i am|i feel|feeling|i'?ve been) (okay|alright|fine|good|great|decent|content|cheerful|happy|in a good mood)\b|\bnot (feeling |been )?(low|down|flat)\b|\bin good spirits\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoodNormal();

    [GeneratedRegex(@"\b(sleep|sleeping)( has been| is|'s been|'s)? (fine|well|okay|alright|normal|through|properly)\b|\bslept (well|fine|okay|ok|alright|through|properly|all night|like a log|eight hours|seven hours)\b|\b(a |some )?(good|decent|proper) (night'?s sleep|night'?s rest|nights)\b|\bsleeping through\b", RegexOptions.IgnoreCase)]
    private static partial Regex SleepNormal();

    [GeneratedRegex(@"\b(got|have|had|more|plenty of|a bit of|some) energy\b|\benergy'?s? (is |has been )?(fine|okay|alright|good|back)\b|\bnot (so |as |that )?tired\b|\b(feel|feeling) (rested|fresh|lively)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnergyNormal();

    [GeneratedRegex(@"\beating (properly|normally|fine|well|okay|alright|three meals|regular meals)\b|\bappetite'?s? (is |has been |been )?(back|fine|okay|alright|normal|good)\b|\b(had|ate|cooked) (a )?(proper|decent|full|big) (meal|tea|dinner|lunch|breakfast)\b|\bfinished (my|a|the) (plate|dinner|tea|meal)\b|\b(eating|ate) (proper|properly|well|normally)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AppetiteNormal();

    [GeneratedRegex(@"\bproud of (myself|what i)\b|\bi'?m (not|no) (a )?(failure|useless|burden|waste)\b|\bi did (a )?(good|decent) (job|thing)\b|\bi'?m (good|decent) at\b|\bi can (still )?do (this|things|my job)\b|\bi'?m worth\b", RegexOptions.IgnoreCase)]
    private static partial Regex WorthlessnessNormal();

    [GeneratedRegex(@"\b(can|could) (concentrate|focus|follow|read)\b|\bread a (whole|full) (book|chapter|article|paper)\b|\b(watched|followed) (a |the )?(whole|full) (film|match|programme|episode)\b|\bconcentration'?s? (is |has been )?(fine|okay|alright|better|back)\b|\bhead'?s? clear(er)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ConcentrationNormal();

    [GeneratedRegex(@"\b(can|could) sit still\b|\bsat still\b|\bnot (pacing|restless|fidgeting)\b|\bmoving (normally|about fine|around fine)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PsychomotorNormal();

    /// <summary>Signs of feeling better: a sentence with one lowers its items by 1 and counts as low mood scored 0.</summary>
    [GeneratedRegex(@"\b(feel|feeling|felt|been|a bit|a little|much|bit) (better|calmer|lighter|easier)\b|\b(better|calmer|easier) (day|afternoon|week|today|night)\b|\blaugh(ed)?\b|(?<!(n'?t|not|no longer|never) (really )?)\benjoy(ed)?\b|\bslept (till|through|well|better|in)\b|\blie-in\b|\bgot dressed\b|\bgood (day|week|afternoon|morning)\b|\blooking forward\b|\bhopeful\b|\bmanaged to\b|\bi can picture\b|\bsun was out\b|\bit'?s possible\b|\bi'?m (okay|ok|alright|fine)\b|\bwant to be there\b|\bthat might be nice\b|\bbeen (alright|okay|ok)\b|\bnot so (wound up|bad)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Wellness();

    /// <summary>A negation just before a symptom word ("I didn't lie awake").</summary>
    [GeneratedRegex(@"\b(not|never|no longer|didn'?t|don'?t|haven'?t|wasn'?t|isn'?t|hasn'?t|won'?t|nor)\b[^.!?,]{0,18}$", RegexOptions.IgnoreCase)]
    public static partial Regex NegatedBefore();

    [GeneratedRegex(@"\b(picked|chosen|set) a (day|date)\b|\b(i'?ve|i have) (written|wrote) (a note|notes|letters|something for)|\bgiv(ing|en) (things|my things|stuff|my \w+ \w+) away|\bgave \w+ my (good|best)\b|\bsaid (my )?goodbyes?\b|\bwhen the house is empty\b|\bgot it all planned\b|\bhave a plan to (kill|end)|\b(tonight|tomorrow) is the night\b|\bwanted somebody to know\b|\bwhen i'?ll do it\b", RegexOptions.IgnoreCase)]
    private static partial Regex PlanAndIntent();

    [GeneratedRegex(@"\b(made|making) my mind up\b|\b(i'?m|i am) going to (do it|kill myself|end it)|\bi('ll| will) (do it|kill myself|end it)\b|\burge is (strong|stronger)|\bcan'?t keep going\b|\bthis is (the end|goodbye)\b|\bready to (die|end it)\b|\bgoing to act on (it|them)\b|\bi intend to\b|\bthought about when\b", RegexOptions.IgnoreCase)]
    private static partial Regex Intent();

    [GeneratedRegex(@"\bhow i'?d do it\b|\b(counted|stockpil\w*|sav(ed|ing)|keep(ing)?|hoard\w*) (up )?(my |the |mum'?s |some )?(old )?(tablets|pills|painkillers|meds|medication)|\boverdose\b|\b(jump|jumping) (off|from|in front)|\bhang(ing)? myself\b|\b(a|the) rope\b|\b(jump(ing)? off|go(ing)? up to|stand(ing)? on the edge of) the bridge\b|\bcut(ting)? (deeper|my wrists?)|\bthe tablets, mostly\b|\bnot stopping at the junction\b|\bdrive (into|off)\b|\bstep in front of\b|\ba bag at the back\b", RegexOptions.IgnoreCase)]
    private static partial Regex Method();

    [GeneratedRegex(@"\b(thought|thinking|think|thoughts) (about|of) (killing myself|suicide|ending (it|my life)|taking my (own )?life|dying)\b|\bsuicidal\b|\bsuicide\b|\bkill(ing)? myself\b|\bend (it all|my life)\b|\btake my (own )?life\b|\bdon'?t want to (live|be alive)\b|\bwant to die\b|\bbetter off dead\b|\ba door i keep noticing\b|\bdon'?t trust myself\b|\bwouldn'?t (just )?be hurting myself\b|\bnot one that doesn'?t end badly\b", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveThoughts();

    [GeneratedRegex(@"\bwish(ed)? i (was|were|wouldn'?t|could) (dead|wake|not wake|disappear|just not)|\bnot (wake|waking) up\b|\bif i (just )?(didn'?t|never) wake up\b|\bwish(ed)? i (wasn'?t|weren'?t) (here|alive|around)\b|\bdon'?t want to (be here|wake up)|\b(easier|better) (not being around|if i wasn'?t here|if i was gone)|\bif i (just )?wasn'?t here\b|\bbetter off without me\b|\bnot be here any ?more\b|\bwouldn'?t wake\b|\bdon'?t want to be around\b|\brather not be (around|here|alive)\b|\bjust wasn'?t here\b|\bbetter off, really\b|\bif i disappeared\b|\b(cope|manage|be fine) (fine )?without me\b|\bwhy am i even bothering\b|\bwhat'?s the point of (me|being here|living)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WishToBeDead();

    /// <summary>Explicit denial of intent or plan: carried-over ideation is capped at this message's level.</summary>
    [GeneratedRegex(@"\b(don'?t|do not) want to die\b|\bwouldn'?t (ever )?do (anything|that|it)\b|\b(not|never) going to do anything\b|\bi'?d never (do|act on) (anything|it|them)\b|\bnot (going to |gonna )?act on (it|them)\b|\bwouldn'?t (ever )?act on (it|them)\b|\bhaven'?t (done|taken) anything\b|\bnot the same as dying\b|\b(thought|thinking) about it less\b|\bi'?m safe\b|\bcouldn'?t do that to\b|\b(the|those|my) (dark |black )?thoughts( [a-z ]{0,24})? have (gone|eased|stopped|gone quiet|been quieter)|\b(not|haven'?t) (been )?(had|having) (those|the|any) (dark |black )?thoughts\b|\bno (dark|black) thoughts\b|\bnothing like that (lately|this week|any ?more)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Denial();

    /// <summary>A denial that leaves no ideation at all ("the dark thoughts have gone"), as against one of intent only.</summary>
    [GeneratedRegex(@"\b(the|those|my) (dark |black )?thoughts( [a-z ]{0,24})? have (gone|stopped|gone quiet)|\b(not|haven'?t) (been )?(had|having) (those|the|any) (dark |black )?thoughts\b|\bno (dark|black) thoughts\b|\bnothing like that (lately|this week|any ?more)\b", RegexOptions.IgnoreCase)]
    public static partial Regex NoIdeation();
}
