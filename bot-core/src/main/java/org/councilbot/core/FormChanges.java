package org.councilbot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a resident wants changed in a form: which earlier question a change request names
 * ("change the address"), the new value it carries ("to 16 High Street"), and an earlier list answer
 * a message puts right by naming another of its options ("I meant the brown bin").
 */
final class FormChanges {
    /** Where a change request's new value starts: "change the address to 16 High Street". */
    private static final Pattern NEW_VALUE = Pattern.compile("\\b(?:to|should be|should have been|should say|is|was|"
            + "it'?s|its|it is|it was|as)\\s+");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("^(\\d+[a-z]?)\\b(.*)$");
    /** Words residents use for the standard questions. */
    private static final Map<String, String> STANDARD_WORDS = Map.of(
            FormFields.LOCATION, "address where location place street road house number postcode spot lane site",
            FormFields.DETAILS, "details else extra information info description notes comments anything",
            FormFields.CONTACT, "contact email phone number mobile telephone details",
            FormFields.CONSENT, "consent permission allowed contacted");
    /** Words of a change request that name no question. */
    private static final Set<String> CHANGE_VOCABULARY = Set.of("change", "chang", "edit", "correct", "fix", "wrong",
            "updat", "update", "amend", "mistak", "mistake", "typo", "put", "gave", "give", "said", "want", "need",
            "like", "pleas", "please", "answer", "bit", "part", "one", "again", "no", "not", "sure");

    /** An earlier answer the resident put right, and its new values. */
    record Correction(FormField field, List<String> values) {}

    /** The option keys of a list question that the text names; empty when it names none. */
    static List<String> optionValues(FormField field, String text) {
        if (field.kind() == FormField.FieldKind.MULTI_CHOICE) {
            return OptionMatcher.multiple(field.options(), text).stream().map(AttributeOption::key).toList();
        }
        return OptionMatcher.single(field.options(), text).map(option -> List.of(option.key())).orElse(List.of());
    }

    /** The answered question, other than the one being asked, that a change request names by its words. */
    static Optional<FormField> namedField(FormState state, FormField asking, String lower) {
        List<FormField> answered = state.fields().stream()
                .filter(field -> state.answers().containsKey(field.code()) && field != asking)
                .toList();
        Set<String> said = new LinkedHashSet<>();
        for (FormWords.Word word : FormWords.of(lower)) {
            if (!word.function() && !CHANGE_VOCABULARY.contains(word.stem())) {
                said.add(word.stem());
            }
        }
        if (said.isEmpty()) {
            return Optional.empty();
        }
        List<Set<String>> words = new ArrayList<>();
        Map<String, Integer> fieldsWith = new HashMap<>();
        for (FormField field : answered) {
            Set<String> own = new LinkedHashSet<>(FormWords.stems(field.label() + " "
                    + field.code().replace('_', ' ').replace('-', ' ').replace(FormState.STANDARD_PREFIX, "") + " "
                    + STANDARD_WORDS.getOrDefault(field.code(), "")));
            words.add(own);
            own.forEach(stem -> fieldsWith.merge(stem, 1, Integer::sum));
        }
        FormField best = null;
        double bestScore = 0;
        boolean tie = false;
        for (int i = 0; i < answered.size(); i++) {
            double score = 0;
            for (String stem : said) {
                if (words.get(i).contains(stem)) {
                    score += Math.log(1 + (double) answered.size() / fieldsWith.get(stem));
                }
            }
            if (score > bestScore + 1e-9) {
                best = answered.get(i);
                bestScore = score;
                tie = false;
            } else if (score > 0 && Math.abs(score - bestScore) <= 1e-9) {
                tie = true;
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(best);
    }

    /**
     * The new value a change request carries, if any: what follows "to", "should be", "it's"...
     * A bare house number for the where question keeps the street given before ("it's 14").
     */
    static Optional<String> newValue(FormField field, FormState state, String text) {
        Matcher cue = NEW_VALUE.matcher(text.strip());
        while (cue.find()) {
            String found = text.strip().substring(cue.end()).replaceAll("^(actually|now)\\s+", "")
                    .replaceAll("[.!]+$", "").strip();
            boolean saysSomething = FormWords.of(found).stream()
                    .anyMatch(word -> !word.function() && !CHANGE_VOCABULARY.contains(word.stem()));
            if (!saysSomething || FormCommands.asksToChange(FormCommands.lower(found), false)) {
                continue;
            }
            if (field.kind() == FormField.FieldKind.LOCATION && found.matches("\\d+[a-zA-Z]?(\\s+not\\s+\\d+[a-zA-Z]?)?")) {
                List<String> before = state.answers().getOrDefault(field.code(), List.of());
                Matcher house = HOUSE_NUMBER.matcher(before.isEmpty() ? "" : before.get(0).strip());
                return house.matches() ? Optional.of(found.split("\\s+")[0] + house.group(2)) : Optional.empty();
            }
            return Optional.of(found);
        }
        return Optional.empty();
    }

    /**
     * An earlier list answer the message puts right ("sorry, I meant the brown bin not the black
     * one"): the message names an option of exactly one answered list question other than the one
     * being asked, different from what it holds. Yes/no questions are left out: a bare "yes" corrects nothing.
     */
    static Optional<Correction> correction(FormState state, Optional<FormField> asking, String text) {
        if (text.strip().matches("\\d+")) {
            return Optional.empty();
        }
        List<Correction> found = new ArrayList<>();
        for (FormField field : state.fields()) {
            if (asking.isPresent() && field.code().equals(asking.get().code())) {
                break;
            }
            List<String> held = state.answers().getOrDefault(field.code(), List.of());
            if (held.isEmpty() || field.options().isEmpty() || OptionMatcher.isYesNo(field.options())) {
                continue;
            }
            List<String> values = optionValues(field, text);
            if (!values.isEmpty() && !Set.copyOf(values).equals(Set.copyOf(held))) {
                found.add(new Correction(field, values));
            }
        }
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private FormChanges() {
    }
}
