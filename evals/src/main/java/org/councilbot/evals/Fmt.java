package org.councilbot.evals;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Numbers for people: fixed decimals, and "n/a" for a metric without cases. */
final class Fmt {
    static final String NONE = "n/a";

    private Fmt() {
    }

    static String ratio(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.3f", value.getAsDouble()) : NONE;
    }

    static String millis(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : NONE;
    }

    static String count(OptionalInt value) {
        return value.isPresent() ? Integer.toString(value.getAsInt()) : NONE;
    }

    /** "8 cases, 10 turns, 1 error". */
    static String counts(Results r) {
        return plural(r.cases(), "case") + ", " + plural(r.turns(), "turn") + ", " + plural(r.errors(), "error");
    }

    static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Cuts long text for tables, on a code point boundary. */
    static String clip(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.codePointCount(0, flat.length()) <= max) {
            return flat;
        }
        return flat.substring(0, flat.offsetByCodePoints(0, max)) + "…";
    }
}
