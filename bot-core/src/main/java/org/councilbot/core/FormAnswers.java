package org.councilbot.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks a resident's answer to one form field, or says what is wrong with it. */
final class FormAnswers {
    static final int MAX_SHORT = 300;
    static final int MAX_LONG = 2000;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern UK_PHONE = Pattern.compile("(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\b0)\\d(?:[\\s-]?\\d){8,9}\\b");
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
            case NUMBER -> NumberReader.read(answer, NumberReader.unitOf(field.code(), field.question()))
                    .map(Reading::of).orElse(Reading.wrong("Please give a number, like 2."));
            case DATETIME -> dateTime(answer, today);
            case SINGLE_CHOICE -> OptionMatcher.single(field.options(), answer).map(option -> Reading.of(option.key()))
                    .orElse(Reading.wrong("Please choose one of: " + names(field.options()) + "."));
            case MULTI_CHOICE -> choices(field.options(), answer);
            case LOCATION -> location(answer);
            case CONTACT -> contact(answer);
            case YES_NO -> yesNo(answer);
        };
    }

    private static Reading dateTime(String answer, LocalDate today) {
        Optional<java.time.LocalDateTime> moment = DateReader.read(answer, today);
        if (moment.isEmpty()) {
            return Reading.wrong("I couldn't tell which day that was. Try something like \"yesterday evening\", "
                    + "\"last Monday\" or \"12/11/2026\".");
        }
        if (moment.get().toLocalDate().isAfter(today.plusDays(1))) {
            return Reading.wrong("That day is still to come. When did it happen? Try something like "
                    + "\"yesterday evening\" or \"last Monday\".");
        }
        return Reading.of(moment.get().toString());
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

    private static Reading choices(List<AttributeOption> options, String answer) {
        List<AttributeOption> chosen = OptionMatcher.multiple(options, answer);
        return chosen.isEmpty() ? Reading.wrong("Choose one or more of: " + names(options) + ".")
                : new Reading(chosen.stream().map(AttributeOption::key).toList(), "");
    }

    private static Reading location(String answer) {
        if (answer.length() < 3 || answer.split("\\s+").length <= 2 && (isYes(answer) || isNo(answer))) {
            return Reading.wrong("Please say where it is: a street and house number or landmark, or a postcode.");
        }
        if (answer.length() > MAX_SHORT) {
            return Reading.wrong("Please describe the place in under " + MAX_SHORT + " characters.");
        }
        return Reading.of(answer, UkPostcodes.find(answer).orElse(""));
    }

    /** A where answer's values for an address picked from the directory: line, postcode, UPRN, then the point if known. */
    static List<String> locationValues(PropertyAddress address) {
        List<String> values = new ArrayList<>(List.of(address.singleLine(), address.postcode(), address.uprn()));
        address.point().ifPresent(point -> {
            values.add(String.valueOf(point.latitude()));
            values.add(String.valueOf(point.longitude()));
        });
        return values;
    }

    /** Where a request is, from its where answer: a description and postcode, and for a picked address its UPRN and point. */
    static RequestLocation requestLocation(List<String> values) {
        String description = values.isEmpty() ? "" : values.get(0);
        String postcode = values.size() > 1 ? values.get(1) : "";
        String uprn = values.size() > 2 ? values.get(2) : "";
        Optional<GeoPoint> point = Optional.empty();
        if (values.size() > 4) {
            try {
                point = Optional.of(new GeoPoint(Double.parseDouble(values.get(3)), Double.parseDouble(values.get(4))));
            } catch (NumberFormatException | CouncilbotException e) {
                point = Optional.empty();
            }
        }
        return new RequestLocation(description, postcode, uprn, point);
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
