package org.councilbot.core;

import java.util.List;
import java.util.regex.Pattern;

final class PatternPiiRedactor implements PiiRedactor {
    private record Rule(Pattern pattern, String replacement) {}

    // Order matters: card numbers before phone numbers, both are digit runs.
    private static final List<Rule> RULES = List.of(
            rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "[email]"),
            rule("\\b(?:\\d[ -]?){12,18}\\d\\b", "[card]"),
            rule("\\b[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]\\b", "[ni-number]"),
            rule("(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\b0)\\d(?:[\\s-]?\\d){8,9}\\b", "[phone]"),
            rule("\\b[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}\\b", "[postcode]"));

    private static Rule rule(String regex, String replacement) {
        return new Rule(Pattern.compile(regex), replacement);
    }

    @Override
    public String redact(String text) {
        String result = text;
        for (Rule rule : RULES) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return result;
    }
}
