package org.councilbot.handoff;

/** Makes text from outside (a council's catalogue or server) safe to keep, show and log. */
final class Texts {
    private Texts() {
    }

    /** Without control characters other than newline and tab, and without surrounding blanks. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 4096));
        text.codePoints()
                .filter(c -> c == '\n' || c == '\t' || !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT || c == 0x200D) // bidi overrides, keep ZWJ
                .forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** At most {@code max} characters, never splitting a surrogate pair; cut text ends with '…'. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    /** A short, single-line, quoted excerpt of a value for an error message. */
    static String quote(String text) {
        return "'" + truncate(clean(text).replaceAll("\\s+", " "), 40) + "'";
    }
}
