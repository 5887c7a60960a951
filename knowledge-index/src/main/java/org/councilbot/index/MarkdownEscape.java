package org.councilbot.index;

import java.util.regex.Pattern;

/**
 * Escapes text taken from HTML or PDF so that {@link MarkdownBlocks} and {@link InlineMarkdown}
 * read it back unchanged: no stray emphasis, heading, list, quote or table markers.
 */
final class MarkdownEscape {
    private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]|~])");
    private static final Pattern LINE_START = Pattern.compile("^(\\s*)([#>+\\-]|\\d{1,9}(?=[.)]))");

    private MarkdownEscape() {
    }

    /** Escapes inline markers anywhere in {@code text}. */
    static String inline(String text) {
        return INLINE.matcher(text).replaceAll("\\\\$1");
    }

    /** Escapes a marker that would make {@code line} a heading, quote, list item or rule. */
    static String lineStart(String line) {
        var matcher = LINE_START.matcher(line);
        if (!matcher.find()) {
            return line;
        }
        String marker = matcher.group(2);
        if (Character.isDigit(marker.charAt(0))) {
            // "1. Text" would be a numbered item: escape the dot or bracket after the number.
            int after = matcher.end();
            return line.substring(0, after) + "\\" + line.substring(after);
        }
        return matcher.group(1) + "\\" + line.substring(matcher.group(1).length());
    }

    /** Both: a block of plain text that must stay a plain paragraph line. */
    static String plainLine(String text) {
        return lineStart(inline(text));
    }
}
