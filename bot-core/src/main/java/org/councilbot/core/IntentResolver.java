package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which configured intent a message is, if any, or that the bot should ask.
 *
 * <p>An intent is chosen when its similarity reaches the floor and no intent with a different
 * outcome comes within the margin; when one does, and the outcomes really differ (say, reporting
 * a missed bin versus asking for a person), the resident is asked which they meant.
 */
final class IntentResolver {
    private final IntentMatcher matcher;
    private final double floor;
    private final double margin;

    /**
     * @param chosen     the intent acted on, if any
     * @param contenders intents close enough to ask about (two or more), else empty
     * @param best       the closest intent whatever its score, for the rationale
     */
    record Resolution(Optional<IntentMatch> chosen, List<IntentMatch> contenders, Optional<IntentMatch> best) {
        static Resolution nothing(Optional<IntentMatch> best) {
            return new Resolution(Optional.empty(), List.of(), best);
        }
    }

    IntentResolver(IntentMatcher matcher, double floor, double margin) {
        this.matcher = matcher;
        this.floor = floor;
        this.margin = margin;
    }

    Resolution resolve(String text) {
        List<IntentMatch> ranked = matcher.rank(text);
        if (ranked.isEmpty()) {
            return Resolution.nothing(Optional.empty());
        }
        Optional<IntentMatch> byLabel = ranked.stream()
                .filter(match -> match.intent().label().equalsIgnoreCase(text.strip().replaceAll("[?!.]+$", "")))
                .findFirst()
                .map(match -> new IntentMatch(match.intent(), 1.0, match.intent().label()));
        if (byLabel.isPresent()) {
            return new Resolution(byLabel, List.of(), byLabel);
        }
        IntentMatch top = ranked.get(0);
        if (top.similarity() < floor) {
            return Resolution.nothing(Optional.of(top));
        }
        Map<String, IntentMatch> byOutcome = new LinkedHashMap<>();
        for (IntentMatch match : ranked) {
            if (match.similarity() >= floor && top.similarity() - match.similarity() < margin) {
                byOutcome.putIfAbsent(outcome(match.intent()), match);
            }
        }
        List<IntentMatch> contenders = new ArrayList<>(byOutcome.values());
        boolean worthAsking = contenders.size() > 1 && contenders.stream().anyMatch(match -> acts(match.intent()));
        if (worthAsking) {
            return new Resolution(Optional.empty(), contenders, Optional.of(top));
        }
        return new Resolution(Optional.of(top), List.of(), Optional.of(top));
    }

    private static String outcome(IntentDefinition intent) {
        return intent.action().wireName() + ":" + intent.serviceCode().toLowerCase(Locale.ROOT)
                + (intent.action() == Action.OUT_OF_SCOPE || intent.action() == Action.HANDOFF ? "" : ":" + intent.name());
    }

    /** Intents that do something other than answer from the pages. */
    private static boolean acts(IntentDefinition intent) {
        return intent.action() == Action.FORM || intent.action() == Action.LOOKUP || intent.action() == Action.HANDOFF;
    }
}
