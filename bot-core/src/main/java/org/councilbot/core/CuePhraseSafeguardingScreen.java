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

    private static final List<Cue> CUES = List.of(
            cue("self_harm", "\\b(kill|hurt|harm|cut) (myself|meself)\\b"),
            cue("self_harm", "\\b(end|take) (my|me own) (own )?life\\b"),
            cue("self_harm", "\\bsuicid(e|al)\\b"),
            cue("self_harm", "\\b(want|wanna|going) to die\\b"),
            cue("self_harm", "\\bcan'?t (go on|cope) (any ?more|like this)\\b"),
            cue("self_harm", "\\b(no point|no reason) (in )?(living|going on|carrying on)\\b"),
            cue("self_harm", "\\bcan'?t go on\\b.*\\bno point\\b"),
            cue("self_harm", "\\bbetter off (dead|without me)\\b"),
            cue("self_harm", "\\boverdose\\b"),
            cue("child_at_risk", "\\b(child|kid|boy|girl|baby|son|daughter|toddler|children|kids)\\b.{0,60}"
                    + "\\b(hit|hitting|beaten|beating|hurt|hurting|abused|abusing|neglected|starv\\w*|locked in|left alone)\\b"),
            cue("child_at_risk", "\\b(hit|hitting|beat|beating|hurt|hurting|abus\\w+|neglect\\w*)\\b.{0,40}"
                    + "\\b(child|kid|boy|girl|baby|children|kids|toddler)\\b"),
            cue("domestic_abuse", "\\b(partner|husband|wife|boyfriend|girlfriend|ex)\\b.{0,60}"
                    + "\\b(hits|hit|beats|beat|hurts|hurt|threaten\\w*|abus\\w+|attack\\w*|strangl\\w*|chok\\w*|kicks?)\\s+me\\b"),
            cue("domestic_abuse", "\\bdomestic (abuse|violence)\\b"),
            cue("domestic_abuse", "\\b(scared|afraid|frightened) to go home\\b"),
            cue("adult_at_risk", "\\b(elderly|older|vulnerable|disabled)\\b.{0,60}"
                    + "\\b(abused|hit|neglected|exploited|being hurt|taken advantage)\\b"),
            cue("immediate_danger", "\\b(in danger|being attacked|has a (knife|gun)|threatening to kill)\\b"));

    private static Cue cue(String category, String regex) {
        return new Cue(category, Pattern.compile(regex));
    }

    @Override
    public Optional<SafeguardingConcern> screen(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (Cue cue : CUES) {
            Matcher matcher = cue.pattern().matcher(lower);
            if (matcher.find()) {
                return Optional.of(new SafeguardingConcern(cue.category(), matcher.group()));
            }
        }
        return Optional.empty();
    }
}
