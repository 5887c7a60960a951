package org.councilbot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds which of a list question's options a resident's words mean.
 *
 * <p>In order: the option's number, its exact key or name, yes/no/not-sure answers to a question
 * whose options are those, then the option sharing the most telling words with the answer. A word
 * that many options share ("bin" in every kind of bin) tells less than one only this option has; on
 * equal evidence the option whose own words are most fully said wins ("a normal litter bin" is the
 * "Litter bin", not the "Combined litter and dog waste bin"). Still equal is no match: the resident
 * is asked again rather than guessed for. Function words count only alongside a content word.
 */
final class OptionMatcher {
    private static final Pattern UNSURE = Pattern.compile("^(not sure|unsure|i'?m not sure|im not sure|not certain|"
            + "don'?t know|dont know|i don'?t know|i dont know|no idea|dunno|can'?t (tell|say|remember)|"
            + "maybe|possibly|perhaps|might be|hard to say)\\b");
    private static final Pattern YES = Pattern.compile("^(yes|yeah|yea|yep|yup|y|aye|it is|it was|they are|they were|"
            + "i think so|definitely|absolutely|correct|that'?s right)\\b");
    private static final Pattern NO = Pattern.compile("^(no|nope|nah|n|not really|never|not usually|not at all|"
            + "it isn'?t|it wasn'?t|it'?s not|its not|they aren'?t|they weren'?t|i don'?t think so|definitely not)\\b");
    /** A phrase the resident rules out: "the brown bin not the black one", "the play area, not the park". */
    private static final Pattern NEGATED = Pattern.compile(
            "(?:,\\s*)?\\b(?:not|rather than|instead of)\\s+(?:the |a |an |my |that )?[^,.;!?]*?(?=\\s+but\\b|[,.;!?]|$)");
    private static final Pattern PARTS = Pattern.compile(
            "\\s*(?:,|;|/|&|\\+|\\band\\b|\\bplus\\b|\\balso\\b|\\bas well as\\b|\\bwith\\b)\\s*");
    /** Words that help name an option ("No number plates") but cannot name one alone ("it's got no tax"). */
    private static final Set<String> WEAK = Set.of("no", "not", "none", "non");
    private static final Pattern ALL = Pattern.compile("^(all|all of them|all of those|everything|all of the above)$");

    private OptionMatcher() {
    }

    /** The one option the answer means, or empty when it names none or several equally. */
    static Optional<AttributeOption> single(List<AttributeOption> options, String answer) {
        String lower = clean(answer);
        if (lower.isEmpty()) {
            return Optional.empty();
        }
        if (lower.matches("\\d{1,2}")) {
            int index = Integer.parseInt(lower) - 1;
            return index >= 0 && index < options.size() ? Optional.of(options.get(index)) : Optional.empty();
        }
        Optional<AttributeOption> exact = exact(options, lower);
        if (exact.isPresent()) {
            return exact;
        }
        if (isYesNo(options)) {
            if (UNSURE.matcher(lower).find()) {
                // "no idea" is not "no": without a not-sure option it answers nothing.
                return options.stream().filter(OptionMatcher::isUnsure).findFirst();
            }
            if (YES.matcher(lower).find()) {
                return options.stream().filter(option -> isWord(option, "yes")).findFirst();
            }
            if (NO.matcher(lower).find()) {
                return options.stream().filter(option -> isWord(option, "no")).findFirst();
            }
        }
        return byWords(options, withoutNegated(options, lower));
    }

    /**
     * The options a multi-choice answer names, one per clause ("flat tyres, no plates and the back
     * window is smashed"); clauses that name none are filler and left out. Empty when none is named.
     */
    static List<AttributeOption> multiple(List<AttributeOption> options, String answer) {
        String lower = clean(answer);
        if (ALL.matcher(lower).matches()) {
            return options;
        }
        Optional<AttributeOption> exact = exact(options, lower);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        Set<AttributeOption> named = new LinkedHashSet<>();
        for (String part : PARTS.split(withoutNegated(options, lower))) {
            if (!part.isBlank()) {
                single(options, part).ifPresent(named::add);
            }
        }
        if (named.isEmpty()) {
            single(options, lower).ifPresent(named::add);
        }
        return List.copyOf(named);
    }

    /** Whether a list question is answered yes or no (perhaps also "not sure"). */
    static boolean isYesNo(List<AttributeOption> options) {
        return options.stream().anyMatch(option -> isWord(option, "yes"))
                && options.stream().anyMatch(option -> isWord(option, "no"));
    }

    /** Whether the answer says the resident does not know ("not sure", "no idea", "dunno"). */
    static boolean isUnsure(String answer) {
        return UNSURE.matcher(clean(answer)).find();
    }

    private static Optional<AttributeOption> exact(List<AttributeOption> options, String lower) {
        for (AttributeOption option : options) {
            if (option.key().equalsIgnoreCase(lower) || clean(option.name()).equals(lower)) {
                return Optional.of(option);
            }
        }
        return Optional.empty();
    }

    private static Optional<AttributeOption> byWords(List<AttributeOption> options, String lower) {
        List<FormWords.Word> said = FormWords.of(lower);
        Set<String> content = new LinkedHashSet<>();
        Set<String> function = new LinkedHashSet<>();
        for (FormWords.Word word : said) {
            (word.function() ? function : content).add(word.stem());
        }
        if (content.isEmpty()) {
            return Optional.empty();
        }
        List<Set<String>> words = new ArrayList<>();
        Map<String, Integer> optionsWith = new HashMap<>();
        for (AttributeOption option : options) {
            Set<String> own = new LinkedHashSet<>(FormWords.stems(option.name() + " "
                    + option.key().replace('_', ' ').replace('-', ' ')));
            words.add(own);
            own.forEach(stem -> optionsWith.merge(stem, 1, Integer::sum));
        }
        AttributeOption best = null;
        double bestScore = 0;
        double bestCoverage = 0;
        boolean tie = false;
        for (int i = 0; i < options.size(); i++) {
            Set<String> own = words.get(i);
            double score = 0;
            int shared = 0;
            for (String stem : content) {
                if (own.contains(stem)) {
                    score += Math.log(1 + (double) options.size() / optionsWith.get(stem));
                    shared++;
                }
            }
            if (shared == 0 || content.stream().filter(own::contains).allMatch(WEAK::contains)) {
                continue;
            }
            shared += (int) function.stream().filter(own::contains).count();
            double coverage = (double) shared / own.size();
            int order = best == null ? 1 : compare(score, coverage, bestScore, bestCoverage);
            if (order > 0) {
                best = options.get(i);
                bestScore = score;
                bestCoverage = coverage;
                tie = false;
            } else if (order == 0) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    private static int compare(double score, double coverage, double otherScore, double otherCoverage) {
        if (Math.abs(score - otherScore) > 1e-9) {
            return score > otherScore ? 1 : -1;
        }
        if (Math.abs(coverage - otherCoverage) > 1e-9) {
            return coverage > otherCoverage ? 1 : -1;
        }
        return 0;
    }

    /** The answer without phrases it rules out, unless the options themselves are worded with "not". */
    private static String withoutNegated(List<AttributeOption> options, String lower) {
        boolean optionsSayNot = options.stream().anyMatch(option ->
                clean(option.name()).matches(".*\\b(not|n't|nt)\\b.*"));
        if (optionsSayNot) {
            return lower;
        }
        String kept = NEGATED.matcher(lower).replaceAll(" ").strip();
        return kept.isEmpty() ? lower : kept;
    }

    private static boolean isUnsure(AttributeOption option) {
        return UNSURE.matcher(clean(option.name())).find() || option.key().toLowerCase(Locale.ROOT)
                .replace('_', ' ').matches("not sure|unsure|unknown|dont know|don't know");
    }

    private static boolean isWord(AttributeOption option, String word) {
        return clean(option.name()).equals(word) || option.key().equalsIgnoreCase(word);
    }

    static String clean(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').strip().replaceAll("[.!?]+$", "").strip();
    }
}
