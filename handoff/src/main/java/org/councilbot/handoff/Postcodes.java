package org.councilbot.handoff;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** UK postcodes in their usual written form: upper case, one space before the last three characters. */
final class Postcodes {
    private static final Pattern COMPACT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}");

    private Postcodes() {
    }

    /** "bf12ab", " BF1  2AB " and "BF1 2AB" are all "BF1 2AB"; anything else is not a postcode. */
    static Optional<String> normalise(String text) {
        String compact = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (!COMPACT.matcher(compact).matches()) {
            return Optional.empty();
        }
        return Optional.of(compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3));
    }

    /** Without its space: "BF12AB". */
    static String compact(String postcode) {
        return postcode.replace(" ", "");
    }

    /**
     * The postcode, its sector and its district, most precise first: "BF1 2AB", "BF1 2", "BF1".
     *
     * @param postcode a postcode as {@link #normalise} returns it
     */
    static List<String> widening(String postcode) {
        int space = postcode.indexOf(' ');
        return List.of(postcode, postcode.substring(0, space + 2), postcode.substring(0, space));
    }
}
