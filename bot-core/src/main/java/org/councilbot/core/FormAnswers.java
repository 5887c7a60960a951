package org.councilbot.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks a resident's answer to one form field, or says what is wrong with it. */
final class FormAnswers {
    static final int MAX_SHORT = 300;
    static final int MAX_LONG = 2000;
    static final Pattern POSTCODE = Pattern.compile(
            "\\b([A-Za-z]{1,2}\\d[A-Za-z\\d]?)\\s*(\\d[A-Za-z]{2})\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern UK_PHONE = Pattern.compile("(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\b0)\\d(?:[\\s-]?\\d){8,9}\\b");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern YES = Pattern.compile("^(yes|yeah|yep|y|ok|okay|sure|please|yes please|correct|that's right|"
            + "that is right|go ahead|fine|i do|i agree|agreed)\\b");
    private static final Pattern NO = Pattern.compile("^(no|nope|n|no thanks|no thank you|don't|do not|i don't|rather not)\\b");

    /** An answer read: its values, or the problem to tell the resident. */
    record Reading(List<String> values, String problem) {
        static Reading of(String... values) {
            return new Reading(List.of(values), "");
        }

        static Reading wrong(String problem) {
            return new Reading(List.of(), problem);
        }

        boolean ok() {
            return problem.isEmpty();
        }
    }

    private FormAnswers() {
    }

    static Reading read(FormField field, String text, LocalDate today) {
        String answer = text.strip();
        return switch (field.kind()) {
            case STRING -> limited(answer, MAX_SHORT);
            case TEXT -> limited(answer, MAX_LONG);
            case NUMBER -> number(answer);
            case DATETIME -> DateReader.read(answer, today)
                    .filter(moment -> !moment.toLocalDate().isAfter(today.plusDays(1)))
                    .map(moment -> Reading.of(moment.toString()))
                    .orElse(Reading.wrong("I couldn't tell which day that was. Try something like \"yesterday evening\", "
                            + "\"last Monday\" or \"12/11/2026\"."));
            case SINGLE_CHOICE -> choice(field.options(), answer);
            case MULTI_CHOICE -> choices(field.options(), answer);
            case LOCATION -> location(answer);
            case CONTACT -> contact(answer);
            case YES_NO -> yesNo(answer);
        };
    }

    private static Reading limited(String answer, int max) {
        if (answer.isEmpty()) {
            return Reading.wrong("Please type an answer.");
        }
        if (answer.length() > max) {
            return Reading.wrong("That's " + answer.length() + " characters; please keep it under " + max + ".");
        }
        return Reading.of(answer);
    }

    private static Reading number(String answer) {
        Matcher matcher = NUMBER.matcher(answer.replace(",", ""));
        if (matcher.find()) {
            return Reading.of(matcher.group());
        }
        List<String> words = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        int index = words.indexOf(answer.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
        return index >= 0 ? Reading.of(String.valueOf(index)) : Reading.wrong("Please give a number, like 2.");
    }

    private static Reading choice(List<AttributeOption> options, String answer) {
        Optional<AttributeOption> match = match(options, answer);
        return match.map(option -> Reading.of(option.key()))
                .orElse(Reading.wrong("Please choose one of: " + names(options) + "."));
    }

    private static Reading choices(List<AttributeOption> options, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT);
        if (lower.matches("(all|all of them|everything)[.!]?")) {
            return new Reading(options.stream().map(AttributeOption::key).toList(), "");
        }
        Set<String> keys = new LinkedHashSet<>();
        for (String part : lower.split("\\s*(?:,|;|/|&|\\band\\b|\\bplus\\b)\\s*")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<AttributeOption> match = match(options, part);
            if (match.isEmpty()) {
                return Reading.wrong("I didn't recognise \"" + part.strip() + "\". Choose from: " + names(options) + ".");
            }
            keys.add(match.get().key());
        }
        return keys.isEmpty() ? Reading.wrong("Choose one or more of: " + names(options) + ".")
                : new Reading(List.copyOf(keys), "");
    }

    /** By number, by key or name, then by the option sharing most words with the answer. */
    static Optional<AttributeOption> match(List<AttributeOption> options, String answer) {
        String lower = answer.toLowerCase(Locale.ROOT).strip().replaceAll("[.!?]+$", "");
        if (lower.matches("\\d{1,2}")) {
            int index = Integer.parseInt(lower) - 1;
            return index >= 0 && index < options.size() ? Optional.of(options.get(index)) : Optional.empty();
        }
        for (AttributeOption option : options) {
            if (option.key().equalsIgnoreCase(lower) || option.name().equalsIgnoreCase(lower)) {
                return Optional.of(option);
            }
        }
        Set<String> said = Terms.of(lower);
        AttributeOption best = null;
        int bestShared = 0;
        boolean tie = false;
        for (AttributeOption option : options) {
            Set<String> words = Terms.of(option.name() + " " + option.key().replace('_', ' ').replace('-', ' '));
            int shared = (int) said.stream().filter(words::contains).count();
            if (shared > bestShared) {
                best = option;
                bestShared = shared;
                tie = false;
            } else if (shared == bestShared && shared > 0) {
                tie = true;
            }
        }
        return bestShared > 0 && !tie ? Optional.of(best) : Optional.empty();
    }

    private static Reading location(String answer) {
        if (answer.length() < 3) {
            return Reading.wrong("Please say where it is: a street and house number or landmark, or a postcode.");
        }
        if (answer.length() > MAX_SHORT) {
            return Reading.wrong("Please describe the place in under " + MAX_SHORT + " characters.");
        }
        Matcher postcode = POSTCODE.matcher(answer);
        String code = postcode.find() ? (postcode.group(1) + " " + postcode.group(2)).toUpperCase(Locale.ROOT) : "";
        return Reading.of(answer, code);
    }

    private static Reading contact(String answer) {
        List<String> values = new ArrayList<>();
        Matcher email = EMAIL.matcher(answer);
        if (email.find()) {
            values.add(email.group());
        }
        Matcher phone = UK_PHONE.matcher(answer);
        if (phone.find()) {
            values.add(phone.group().replaceAll("[\\s-]", ""));
        }
        return values.isEmpty()
                ? Reading.wrong("That doesn't look like an email address or a UK phone number; try again, or say skip.")
                : new Reading(values, "");
    }

    private static Reading yesNo(String answer) {
        String lower = answer.toLowerCase(Locale.ROOT).strip();
        if (YES.matcher(lower).find()) {
            return Reading.of("yes");
        }
        if (NO.matcher(lower).find()) {
            return Reading.of("no");
        }
        return Reading.wrong("Please answer yes or no.");
    }

    static boolean isYes(String text) {
        return YES.matcher(text.toLowerCase(Locale.ROOT).strip()).find();
    }

    static boolean isNo(String text) {
        return NO.matcher(text.toLowerCase(Locale.ROOT).strip()).find();
    }

    static String names(List<AttributeOption> options) {
        return String.join(", ", options.stream().map(AttributeOption::name).toList());
    }

    static boolean isEmail(String value) {
        return EMAIL.matcher(value).matches();
    }
}
