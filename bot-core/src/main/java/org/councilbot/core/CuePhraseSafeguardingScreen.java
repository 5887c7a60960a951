package org.councilbot.core;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds risk by cue phrases per category.
 *
 * <p>Deliberately errs towards flagging: a false alarm costs a resident one extra sentence of
 * support contacts, a miss can cost far more. Phrases are about people, not things, so
 * "domestic waste" or "my bin is killing me" do not match.
 */
final class CuePhraseSafeguardingScreen implements SafeguardingScreen {
    private record Cue(String category, Pattern pattern) {}

    private static final String CHILD = "(child|children|kid|kids|boy|girl|baby|babies|toddler|son|daughter|teenager|"
            + "stepson|stepdaughter|grandchild|little one|infant|pupil|youngster)";
    // A resident telling their age as a child: "im 15", "I'm fourteen", "i am 16".
    private static final String MINOR = "(i'?m|im|i am|aged?) (1[0-7]|[5-9]|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "thirteen|fourteen|fifteen|sixteen|seventeen)( years old| yrs old| year old)?";
    private static final String PARTNER = "(partner|husband|wife|boyfriend|girlfriend|ex|ex-partner|ex-husband|"
            + "ex-wife|spouse|fiance|fiancee|he|she)";
    private static final String ADULT = "(elderly|older|old man|old woman|old lady|vulnerable|disabled|mum|mother|dad|"
            + "father|gran|grandma|granny|grandad|grandfather|grandmother|nan|brother|sister|neighbour|aunt|uncle)";
    // Harm done by a person, not an accident: "hit by a ball" is left to the exclusion below.
    private static final String CHILD_HARM = "(hit|hits|hitting|beaten|beats|beating|hurt|hurts|hurting|abused|abuse|"
            + "abusing|neglected|neglect|neglecting|starv\\w*|locked (in|up)|left alone|alone and hungry|bruis\\w*|"
            + "touch(es|ed|ing) (her|him|them)|sexual\\w*|groom\\w*|exploit\\w*|smack\\w*|slap\\w*|shaken|"
            + "burn(s|ed|t)|scared to go home|afraid to go home|screaming for hours)";

    private static final List<Cue> CUES = List.of(
            // self-harm and suicide, including indirect wording
            cue("self_harm", "\\b(kill|killing|hurt|hurting|harm|harming|cut|cutting) (myself|meself)\\b"),
            cue("self_harm", "\\b(end|ending|take|taking) (my|me) (own )?life\\b"),
            cue("self_harm", "\\bsuicid\\w*|\\bself[- ]harm\\w*|\\bend it all\\b"),
            cue("self_harm", "\\b(want|wanna|going|ready|wish i could|wish i was) (to )?(die|be dead|dead)\\b"),
            cue("self_harm", "\\b(don'?t|do not) want to (be here|be alive|live|exist|wake up)\\b"),
            cue("self_harm", "\\b(nothing|no reason|no point)\\b.{0,20}\\b(to live for|in living|keep living|"
                    + "living|go(ing)? on|carry(ing)? on)\\b"),
            cue("self_harm", "\\bcan'?t (go on|cope|take (it|this|any ?more))\\b.{0,40}"
                    + "(any ?more|no point|die|end|life|living)"),
            cue("self_harm", "\\bcan'?t go on\\b"),
            cue("self_harm", "\\bbetter off (dead|without me|if i (just )?(wasn'?t|was not|weren'?t|were not|was n'?t) "
                    + "(here|around|alive))\\b|\\b(wasn'?t|weren'?t) (here|around) any ?more\\b"),
            // "an overdose of salt on the roads" is a figure of speech; an overdose of anything taken is not
            cue("self_harm", "\\b(overdose|overdosed)\\b(?!\\s+of\\s+(?!(pills|tablets|paracetamol|drugs|meds|medication|"
                    + "insulin|heroin|methadone|painkillers)\\b))|\\btoo many pills\\b|\\b(not|never) wake up\\b"),
            // an overdose told as what was taken: "took a load of pills about an hour ago"
            cue("self_harm", "\\b(took|taken|take|taking|swallowed|had|necked) (a load of|loads of|lots of|a lot of|all (of )?"
                    + "(my|the|her|his)|too many|a (whole )?(bunch|pile|handful|packet|box|bottle|strip) of|\\d+|twenty|"
                    + "thirty|fifty) ?(pills|tablets|paracetamol|painkillers|sleeping pills|antidepressants)\\b"),
            // means gathered or chosen: "saving up my tablets", "stepping in front of a train"
            cue("self_harm", "\\b(saving|saved|stockpil\\w*|hoard\\w*|collecting|kept) (up )?(all )?(my |me |the )?([a-z]+ )?"
                    + "(pills|tablets|meds|medication|painkillers)\\b|\\benough (pills|tablets|paracetamol|meds)\\b"),
            cue("self_harm", "\\b(step|stepping|jump|jumping|throw myself|throwing myself) (in front of|off|from) (a|the) "
                    + "([a-z]+ ){0,2}(train|bus|lorry|bridge|roof|building|cliff|car park)\\b"),
            cue("self_harm", "\\b(hang|hanging|drown|drowning|poison|poisoning|starve|starving|burn|burning|gas) (myself|meself)\\b"),
            cue("self_harm", "(\\b(i'?ve|ive|i have|i'?m|im|i am|i) |(^|[,.;!?]\\s*))(been |started |keep |kept )?(cutting|"
                    + "burning|self harming)( myself| me| again| my (arms?|legs?|wrists?|skin))\\b"),
            cue("self_harm", "\\b(don'?t|dont|do not|can'?t|cant|cannot) see (the|any) point (of|in) (anything|living|life|"
                    + "going on|carrying on|being here|it all)\\b|\\bno point (in )?(anything|living|being here) any ?more\\b"),
            cue("self_harm", "\\b(won'?t|wont|will not) be (around|here|alive)\\b.{0,60}\\b(anyway|(doesn'?t|dont|won'?t|wont) "
                    + "(really )?matter|much longer|for long|made (my )?(plans|arrangements))\\b|\\b(after|when|once) i'?m (gone|"
                    + "not here|dead)\\b|\\b(what'?s|whats) the point\\b.{0,60}\\b(won'?t|wont|will not) be (around|here|alive)\\b"),
            cue("self_harm", "\\b(decided|going|ready|want|wanna) to end it\\b|\\b(sorted|put|putting|got) (out )?my affairs\\b"
                    + "|\\bleft (a|my) (letter|note)\\b.{0,40}\\b(for after|for when i'?m gone)\\b"
                    + "|\\b(burnt|burned|cut) myself\\b.{0,30}\\b(again|on purpose|deliberately)\\b"
                    + "|\\bthank you for everything\\b.{0,80}\\b(won'?t|wont) be (around|here)\\b"
                    + "|\\b(won'?t|wont) be (around|here)\\b.{0,80}\\bthank you for everything\\b"),
            // a child at risk
            cue("child_at_risk", "\\b" + CHILD + "\\b.{0,80}\\b" + CHILD_HARM + "\\b"),
            cue("child_at_risk", "\\b(toddler|little one|baby|small child|little (boy|girl|kid))\\b.{0,60}\\bwandering\\b"),
            cue("child_at_risk", "\\b" + CHILD_HARM + "\\b.{0,40}\\b" + CHILD + "\\b"),
            // a young person who says their age and that they have no safe place or are being harmed
            cue("child_at_risk", "\\b" + MINOR + "\\b.{0,80}\\b(kicked (me )?out|thrown (me )?out|threw me out|"
                    + "chucked (me )?out|nowhere (to|i can) (sleep|stay|go)|sleeping (rough|on the streets?)|on the streets|"
                    + "homeless|run away|ran away|running away|hits me|hit me|hurts me|hurt me|beats me|touches me|"
                    + "scared to go home|afraid to go home|no food|nothing to eat|haven'?t eaten|havent eaten|hungry|"
                    + "on my own|by myself)\\b"),
            cue("child_at_risk", "\\b(no food|nothing to eat|haven'?t eaten|havent eaten|not eaten)\\b.{0,100}\\b" + MINOR + "\\b"),
            // online grooming: a stranger asking a child for pictures or to meet
            cue("child_at_risk", "\\b(send|sending|sent) (him |her |them )?(pics|pictures|photos|nudes|selfies)\\b.{0,60}"
                    + "\\b(meet|meeting)\\b|\\bonline\\b.{0,30}\\b(friend|man|bloke|guy|someone)\\b.{0,60}\\b(pics|pictures|"
                    + "photos|nudes|meet up|meet him|meet her)\\b|\\b(says|said|claims) (he|she)'?s \\d+ but\\b"),
            // domestic abuse, including threats and coercive control
            cue("domestic_abuse", "\\b" + PARTNER + "\\b.{0,60}\\b(hits|hit|beats|beat|hurts|hurt|kicks|kicked|"
                    + "punch\\w*|slap\\w*|strangl\\w*|chok\\w*|threaten\\w*|attack\\w*|rap\\w*|abus\\w*)\\s+(me|us)\\b"),
            // Asking about the subject ("domestic abuse awareness training") is not telling of it.
            cue("domestic_abuse", "\\bdomestic (abuse|violence)\\b(?! (awareness|training|polic(y|ies)|strateg(y|ies)|funding|"
                    + "course|statistics|figures|forum|champions?)\\b)|\\babusive (partner|relationship|husband|wife|"
                    + "boyfriend|girlfriend|ex|family|home)\\b"),
            cue("domestic_abuse", "\\b(scared|afraid|frightened|terrified) (to go home|of (my|him|her)\\b)"),
            cue("domestic_abuse", "\\bcontrols (all )?(my|our) money\\b|\\bwon'?t let me (see|leave|go out|talk to)\\b"),
            // coercive control told in its effects: money taken, checked, permission needed
            cue("domestic_abuse", "\\b(he|she|partner|husband|wife|boyfriend|girlfriend)\\b.{0,20}\\b(takes|took|keeps|has) "
                    + "(all )?(my|me) (wages|money|benefits|bank card|card|pay|phone)\\b"),
            cue("domestic_abuse", "\\b(not|never) allowed (my own|to have my own|to see my|to go out|out on my own|to leave)\\b"
                    + "|\\b(checks|reads|goes through|tracks) (all )?(my|me) (receipts|phone|messages|texts|location|emails)\\b"
                    + "|\\b(ask|asking) (him|her) (for )?permission (for|to)\\b"),
            cue("domestic_abuse", "\\bif i (leave|go|tell anyone|ring anyone|call anyone|report)\\b.{0,40}\\b(find me|kill|"
                    + "hurt|take the (kids|children)|never see|face)\\b|\\b(he|she)'?ll take the (kids|children)\\b"),
            cue("domestic_abuse", "\\b(letting|lets) (himself|herself) in\\b|\\b(stood|standing|stands) over (me|the bed|my bed)\\b"
                    + "|\\bso (he|she) (can'?t|cant|won'?t|wont) (see|find out|know)\\b|\\b(till|until) (he'?s|hes|she'?s|shes) asleep\\b"),
            // an adult at risk
            cue("adult_at_risk", "\\b" + ADULT + "\\b.{0,60}\\b(neglected|being neglected|abused|being abused|"
                    + "exploited|taken advantage|being hurt|hasn'?t been seen|not been seen|no one has seen|"
                    + "post (is )?piling up)\\b"),
            cue("adult_at_risk", "\\b(taking|stealing|took|stole) (money|cash|savings) from (my|an?|the|our)\\b"),
            // signs that someone living alone has not been seen: milk left out, curtains shut for days
            cue("adult_at_risk", "\\b(hasn'?t|hasnt|not) (taken|took|brought) (his|her|their) (milk|post|paper) in\\b|\\bmilk (is )?"
                    + "(still )?(on|outside) (the|her|his) (step|doorstep)\\b|\\bcurtains (have been |been )?(shut|closed|drawn) "
                    + "(all day|for days|since)\\b"),
            cue("adult_at_risk", "\\bcarers?\\b.{0,40}\\b(hits|hit|shouts at|hurts|abuses|neglects|steals from)\\b"),
            // immediate danger to anyone
            // "in danger of missing the deadline" is a figure of speech
            cue("immediate_danger", "\\b(in danger(?! of)|being attacked|under attack)\\b"),
            cue("immediate_danger", "\\bthreaten\\w* to (kill|hurt|stab|shoot|burn)\\b"),
            cue("immediate_danger", "\\b(with|has|have|got|carrying|holding|waving) (a |an )?(knife|gun|weapon|machete|blade)\\b"),
            cue("immediate_danger", "\\b(trying to break in|breaking in|break into (my|our) (house|home|flat) (right )?now)"
                    + "|\\btrying to break into\\b"),
            cue("immediate_danger", "\\b(collapsed|not breathing|isn'?t breathing|unconscious|unresponsive|not responding|"
                    + "passed out|won'?t wake up|wont wake up)\\b"),
            cue("immediate_danger", "\\b(is|are|'s|s|caught) on fire\\b|\\b(trapped|still inside)\\b.{0,30}\\b(fire|smoke|flames)\\b"
                    + "|\\b(fire|smoke|flames)\\b.{0,40}\\b(trapped|still inside|can'?t get out)\\b"),
            cue("immediate_danger", "\\b(edge|ledge|bridge|roof|wall|cliff|window|balcony|railings?)\\b.{0,80}\\b(going to|gonna|"
                    + "threatening to|about to|wants to|trying to) jump\\b|\\b(going to|gonna|threatening to|about to) jump (off|from)\\b"),
            cue("immediate_danger", "\\b(kicking|beating|attacking|stabbing|punching|stamping on) (someone|somebody|a (man|woman|"
                    + "boy|girl|person|lad|kid))\\b"),
            cue("immediate_danger", "\\b(smell(s|ing)? (of )?gas|gas leak(ing)?|carbon monoxide (alarm|detector|poisoning))\\b"),
            cue("domestic_abuse", "\\b(hands?|arms?) (round|around|on) my (neck|throat)\\b"),
            // stalking by a former partner
            cue("domestic_abuse", "\\b(my ex|ex-partner|ex partner|ex-husband|ex husband|ex-boyfriend|ex boyfriend)\\b.{0,40}"
                    + "\\b(keeps? (turning|showing) up|keeps? following me|follows me|watching (me|my house)|knows (where i live|"
                    + "which school|where the kids))\\b"),
            // threats to harm someone else
            cue("immediate_danger", "\\b(going|goin|gonna) (round|over|around) (there|to (his|her|their))\\b.{0,30}\\b(sort (him|"
                    + "her|them) out|teach (him|her|them) a lesson)\\b|\\bpetrol (through|into|in|on)\\b.{0,30}\\b(letterbox|door|"
                    + "house|car)\\b|\\b(run|running) (him|her|them|you) (down|over)\\b"),
            cue("immediate_danger", "\\b(i'?ll|ill|i will|i'?m going to|im going to|i'?m gonna|im gonna|gonna)\\b.{0,25}"
                    + "\\b(put (him|her|them|you) in (hospital|the ground)|burn\\b.{0,30}\\bdown|stab|batter|glass (him|her|them)|"
                    + "smash (his|her|their) (face|head)|break (his|her|their) (legs|neck|jaw))\\b"),
            // rough sleeping with a risk to life
            cue("immediate_danger", "\\b(sleeping|slept|living) (rough|outside|in a tent|in (my|the|a) car|on the streets?|"
                    + "in a (bus shelter|doorway|park)|in the (bus shelter|park|doorway))\\b.{0,100}\\b(baby|newborn|\\d+ (month|week)s? old|"
                    + "toddler|pregnant|insulin|medication|meds|freezing|"
                    + "can'?t feel|hypotherm\\w*|frostbite)\\b"),
            cue("immediate_danger", "\\b(lost|no|run out of|ran out of|without) (my |his |her )?(insulin|epilepsy (meds|medication)|"
                    + "oxygen)\\b|\\blocked (me |us |him |her )?out\\b.{0,60}\\b(meds|medication|insulin|inhaler)\\b"));

    // Accidents are not abuse: "hit by a ball", "hit by the door".
    private static final Pattern ACCIDENT = Pattern.compile("\\bhit by (a|an|the) (?!(man|woman|person|adult|parent|"
            + "dad|mum|father|mother|stepdad|stepmum|partner|carer|teacher|someone|boy|girl|child|kid)\\b)\\w+");

    private static Cue cue(String category, String regex) {
        return new Cue(category, Pattern.compile(regex));
    }

    @Override
    public Optional<SafeguardingConcern> screen(String text) {
        String lower = ACCIDENT.matcher(text.toLowerCase(Locale.ROOT).replace('’', '\'')).replaceAll("accident");
        for (Cue cue : CUES) {
            Matcher matcher = cue.pattern().matcher(lower);
            if (matcher.find()) {
                return Optional.of(new SafeguardingConcern(cue.category(), matcher.group()));
            }
        }
        return Optional.empty();
    }
}
