package org.councilbot.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns inline Markdown into the plain text residents read: emphasis markers go, links become
 * {@code text (url)}.
 *
 * <p>Urls and backslash-escaped characters are set aside before emphasis is stripped, so an
 * underscore or asterisk inside an address is never mistaken for emphasis.
 */
final class InlineMarkdown {
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';
    private static final Pattern PROTECTED = Pattern.compile(OPEN + "(\\d+)" + CLOSE);
    private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\(([^)\\s]*)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?://|mailto:)[^>\\s]+)>");
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s)" + OPEN + "]+");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
    private static final Pattern STAR = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
    private static final Pattern UNDERSCORE = Pattern.compile("(?<![\\p{L}\\p{N}_])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])");
    private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LINE_BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);

    // Bold runs longer than this are styling of a whole passage, not a fact picked out.
    private static final int MAX_EMPHASIS_CHARS = 120;
    private static final int MAX_EMPHASISED = 200;

    private InlineMarkdown() {
    }

    static String clean(String markdown) {
        List<String> kept = new ArrayList<>();
        String text = replace(ESCAPE, markdown, m -> keep(kept, m.group(1)));
        text = replace(CODE, text, m -> keep(kept, m.group(1)));
        text = replace(IMAGE, text, m -> m.group(1));
        text = replace(LINK, text, m -> link(kept, m.group(1), m.group(2)));
        text = replace(AUTOLINK, text, m -> keep(kept, address(m.group(1))));
        text = replace(BARE_URL, text, m -> keep(kept, m.group()));
        text = replace(STRONG, text, m -> m.group(2));
        text = replace(STAR, text, m -> m.group(1));
        text = replace(UNDERSCORE, text, m -> m.group(1));
        text = replace(STRIKE, text, m -> m.group(1));
        text = LINE_BREAK.matcher(text).replaceAll(" ");
        // A kept literal may itself hold a placeholder (an escape inside inline code), hence the loop.
        for (int round = 0; round <= kept.size() && PROTECTED.matcher(text).find(); round++) {
            text = replace(PROTECTED, text, m -> kept.get(Integer.parseInt(m.group(1))));
        }
        return text;
    }

    /**
     * The plain text of each bold span (**…** or __…__) of a page's Markdown, in order, without
     * repeats: what the author marked as the facts that matter.
     */
    static List<String> emphasised(String markdown) {
        Set<String> phrases = new LinkedHashSet<>();
        Matcher strong = STRONG.matcher(markdown);
        while (strong.find() && phrases.size() < MAX_EMPHASISED) {
            String phrase = clean(strong.group(2)).strip();
            if (phrase.length() >= 2 && phrase.length() <= MAX_EMPHASIS_CHARS) {
                phrases.add(phrase);
            }
        }
        return List.copyOf(phrases);
    }

    private static String link(List<String> kept, String label, String target) {
        String address = address(target);
        boolean labelIsAddress = label.equals(target) || label.equals(address);
        return labelIsAddress ? keep(kept, address) : label + " (" + keep(kept, address) + ")";
    }

    /** Residents read an email address or phone number, not its {@code mailto:}/{@code tel:} scheme. */
    private static String address(String target) {
        if (target.startsWith("mailto:")) {
            return target.substring("mailto:".length());
        }
        return target.startsWith("tel:") ? target.substring("tel:".length()) : target;
    }

    private static String keep(List<String> kept, String literal) {
        kept.add(literal);
        return OPEN + Integer.toString(kept.size() - 1) + CLOSE;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> with) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(with.apply(matcher)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
