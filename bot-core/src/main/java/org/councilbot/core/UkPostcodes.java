package org.councilbot.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UK postcodes as residents type them and as councils' systems want them: upper case, one space
 * before the last three characters ("bf12ab" is "BF1 2AB").
 */
public final class UkPostcodes {
    private static final Pattern IN_TEXT = Pattern.compile("\\b([A-Za-z]{1,2}\\d[A-Za-z\\d]?)\\s*(\\d[A-Za-z]{2})\\b");
    private static final Pattern WHOLE = Pattern.compile("\\s*([A-Za-z]{1,2}\\d[A-Za-z\\d]?)\\s*(\\d[A-Za-z]{2})\\s*");

    private UkPostcodes() {
    }

    /** The text, when all of it is a postcode, in the usual form; "BF1 2AB", " bf12ab " and "BF1  2AB" alike. */
    public static Optional<String> normalise(String text) {
        Matcher whole = WHOLE.matcher(text);
        return whole.matches() ? Optional.of(usual(whole)) : Optional.empty();
    }

    /** The first postcode written anywhere in a text, in the usual form. */
    public static Optional<String> find(String text) {
        Matcher postcode = IN_TEXT.matcher(text);
        return postcode.find() ? Optional.of(usual(postcode)) : Optional.empty();
    }

    /** The text with any postcodes in it replaced by a space. */
    static String without(String text) {
        return IN_TEXT.matcher(text).replaceAll(" ");
    }

    private static String usual(Matcher postcode) {
        return (postcode.group(1) + " " + postcode.group(2)).toUpperCase(Locale.ROOT);
    }
}
