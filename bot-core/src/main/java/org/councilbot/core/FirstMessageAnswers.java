package org.councilbot.core;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers a report's first message already gives ("there's a mattress dumped on Mill Lane":
 * the kind of waste and the street), so the form asks only for the rest.
 *
 * <p>Only what can be read without guessing is taken: a list option the message names in words
 * (never a yes/no), and a place written as councils and residents write places, a street with its
 * street word or a postcode. Both are said back to the resident, who can change them at the summary.
 */
final class FirstMessageAnswers {
    // A rule is the right tool here: UK street names end in one of a closed set of street words.
    private static final String PLACE_BEFORE = "\\b(?:on|in|at|along|outside|opposite|near|by|behind|off|of|down|up|"
            + "round|top of|bottom of|end of|corner of)\\s+((?:the\\s+)?(?:\\d{1,4}[a-z]?\\s+)?";
    private static final String NAME_WORD = "(?!(?:the|of|a|an|my|our|your|this|that|their|his|her|to|and|or|by|on|"
            + "in|at|from|with|near|off|end|top|bottom|side|corner|middle|main|back|front)\\b)\\p{L}[\\p{L}'-]*";
    // Words that only name streets ("elm road", "mill ln"), read however the resident types them.
    private static final Pattern STREET = Pattern.compile(PLACE_BEFORE + "(?:" + NAME_WORD + "\\s+){1,3}"
            + "(?:road|rd|lane|ln|street|st|avenue|ave|close|drive|dr|crescent|terrace|grove|gardens|mews|boulevard)\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    // Words that are street names only when written as names ("Carr Bank", not "the park gate").
    private static final Pattern NAMED_STREET = Pattern.compile(PLACE_BEFORE + "(?:\\p{Lu}[\\p{L}'-]*\\s+){1,3}"
            + "(?:Way|Place|Hill|Park|Square|Row|Walk|Court|Rise|View|Green|Parade|Vale|Croft|Fold|Bank|Gate|Meadows?|"
            + "Chase|Broadway|Circus|Cross|Yard|Wharf|Hollow|Brow)\\b)");

    // Words an option may start with that name nothing by themselves: "no tax" is not "No number plates".
    private static final java.util.Set<String> NAMES_NOTHING = java.util.Set.of("no", "not", "none", "yes", "any",
            "some", "all", "other", "very", "more", "less", "out", "off", "on", "in", "up", "down", "it", "there");

    private FirstMessageAnswers() {
    }

    /** Field code to the values the message gives for it. */
    static Map<String, List<String>> of(List<FormField> fields, String message, LocalDate today) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        if (message.isBlank()) {
            return answers;
        }
        for (FormField field : fields) {
            if ((field.kind() == FormField.FieldKind.SINGLE_CHOICE || field.kind() == FormField.FieldKind.MULTI_CHOICE)
                    && !yesOrNo(field)) {
                List<String> values = named(field, message);
                boolean single = field.kind() == FormField.FieldKind.SINGLE_CHOICE;
                if (!values.isEmpty() && (!single || values.size() == 1) && !catchAll(field, values)) {
                    answers.put(field.code(), values);
                }
            } else if (field.kind() == FormField.FieldKind.LOCATION) {
                place(message).map(place -> FormAnswers.read(field, place, today))
                        .filter(FormAnswers.Reading::ok)
                        .ifPresent(reading -> answers.put(field.code(), reading.values()));
            }
        }
        return answers;
    }

    /**
     * The options the message names by a word only that option has: "bin" is in every bin's name and
     * names none of them, "mattress" names "Furniture or mattresses".
     */
    private static List<String> named(FormField field, String message) {
        java.util.Set<String> said = content(message);
        List<String> keys = new java.util.ArrayList<>();
        for (AttributeOption option : field.options()) {
            java.util.Set<String> own = content(option.name());
            for (AttributeOption other : field.options()) {
                if (other != option) {
                    own.removeAll(content(other.name()));
                }
            }
            own.retainAll(said);
            if (!own.isEmpty()) {
                keys.add(option.key());
            }
        }
        return keys;
    }

    private static java.util.Set<String> content(String text) {
        java.util.Set<String> stems = new java.util.HashSet<>();
        FormWords.of(text).stream().filter(word -> !word.function() && !NAMES_NOTHING.contains(word.stem()))
                .forEach(word -> stems.add(word.stem()));
        return stems;
    }

    /** The street (with any house number and town after it), or a postcode, the message names. */
    static Optional<String> place(String message) {
        for (Pattern pattern : List.of(STREET, NAMED_STREET)) {
            Matcher street = pattern.matcher(message);
            if (street.find()) {
                return Optional.of(street.group(1).replaceFirst("^(?i)the\\s+", "").strip());
            }
        }
        return UkPostcodes.find(message);
    }

    private static boolean yesOrNo(FormField field) {
        return field.kind() == FormField.FieldKind.YES_NO || field.options().stream().allMatch(option ->
                option.name().matches("(?i)yes|no|not sure|don'?t know|unsure"));
    }

    /** "Something else" and "Other" say nothing the resident would want taken from a first message. */
    private static boolean catchAll(FormField field, List<String> values) {
        return field.options().stream().filter(option -> values.contains(option.key()))
                .allMatch(option -> option.name().matches("(?i)(something else|other|none of these).*"));
    }
}
