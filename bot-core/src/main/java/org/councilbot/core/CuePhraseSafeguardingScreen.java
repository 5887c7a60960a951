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
            cue("self_harm", "\\bbetter off (dead|without me)\\b"),
            cue("self_harm", "\\b(overdose|overdosed|too many pills)\\b|\\b(not|never) wake up\\b"),
            // an overdose told as what was taken: "took a load of pills about an hour ago"
            cue("self_harm", "\\b(took|taken|take|taking|swallowed|had|necked) (a load of|loads of|lots of|a lot of|all (of )?"
                    + "(my|the|her|his)|too many|a (whole )?(bunch|pile|handful|packet|box|bottle|strip) of|\\d+|twenty|"
                    + "thirty|fifty) ?(pills|tablets|paracetamol|painkillers|sleeping pills|antidepressants)\\b"),
            // a child at risk
            cue("child_at_risk", "\\b" + CHILD + "\\b.{0,80}\\b" + CHILD_HARM + "\\b"),
            cue("child_at_risk", "\\b" + CHILD_HARM + "\\b.{0,40}\\b" + CHILD + "\\b"),
            // a young person who says their age and that they have no safe place or are being harmed
            cue("child_at_risk", "\\b" + MINOR + "\\b.{0,80}\\b(kicked (me )?out|thrown (me )?out|threw me out|"
                    + "chucked (me )?out|nowhere (to|i can) (sleep|stay|go)|sleeping (rough|on the streets?)|on the streets|"
                    + "homeless|run away|ran away|running away|hits me|hit me|hurts me|hurt me|beats me|touches me|"
                    + "scared to go home|afraid to go home)\\b"),
            // domestic abuse, including threats and coercive control
            cue("domestic_abuse", "\\b" + PARTNER + "\\b.{0,60}\\b(hits|hit|beats|beat|hurts|hurt|kicks|kicked|"
                    + "punch\\w*|slap\\w*|strangl\\w*|chok\\w*|threaten\\w*|attack\\w*|rap\\w*|abus\\w*)\\s+(me|us)\\b"),
            cue("domestic_abuse", "\\bdomestic (abuse|violence)\\b|\\babusive (partner|relationship|husband|wife|"
                    + "boyfriend|girlfriend|ex|family|home)\\b"),
            cue("domestic_abuse", "\\b(scared|afraid|frightened|terrified) (to go home|of (my|him|her)\\b)"),
            cue("domestic_abuse", "\\bcontrols (all )?(my|our) money\\b|\\bwon'?t let me (see|leave|go out|talk to)\\b"),
            // an adult at risk
            cue("adult_at_risk", "\\b" + ADULT + "\\b.{0,60}\\b(neglected|being neglected|abused|being abused|"
                    + "exploited|taken advantage|being hurt|hasn'?t been seen|not been seen|no one has seen|"
                    + "post (is )?piling up)\\b"),
            cue("adult_at_risk", "\\b(taking|stealing|took|stole) (money|cash|savings) from (my|an?|the|our)\\b"),
            cue("adult_at_risk", "\\bcarers?\\b.{0,40}\\b(hits|hit|shouts at|hurts|abuses|neglects|steals from)\\b"),
            // immediate danger to anyone
            cue("immediate_danger", "\\b(in danger|being attacked|under attack)\\b"),
            cue("immediate_danger", "\\bthreaten\\w* to (kill|hurt|stab|shoot|burn)\\b"),
            cue("immediate_danger", "\\b(with|has|have|got|carrying|holding|waving) (a |an )?(knife|gun|weapon|machete|blade)\\b"),
            cue("immediate_danger", "\\b(trying to break in|breaking in|break into (my|our) (house|home|flat) (right )?now)"
                    + "|\\btrying to break into\\b"),
            cue("immediate_danger", "\\b(collapsed|not breathing|isn'?t breathing|unconscious|unresponsive)\\b"));

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
