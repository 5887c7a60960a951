package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

final class SourceGroundingGuard implements AnswerGuard {
    // URLs, then runs of digits that may carry separators (phone numbers, prices, dates, times).
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]]+");
    private static final Pattern FIGURE = Pattern.compile("\\d(?:[\\d ,.:/-]*\\d)?");

    @Override
    public GuardVerdict check(ComposedAnswer draft, List<Passage> sources) {
        List<String> problems = new ArrayList<>();
        Set<String> sourceUrls = sources.stream().map(Passage::url).collect(Collectors.toSet());
        for (Citation citation : draft.citations()) {
            if (!sourceUrls.contains(citation.url())) {
                problems.add("cites a page that was not retrieved: " + citation.url());
            }
        }
        String evidence = sources.stream().map(p -> p.title() + "\n" + p.text() + "\n" + p.url())
                .collect(Collectors.joining("\n"));
        String evidenceDigits = digitsOnly(evidence);
        // Phone numbers are written with and without spaces: "01632 960000" and "01632960000".
        String evidenceJoinedDigits = digitsOnly(evidence.replaceAll("(?<=\\d)[ -](?=\\d)", ""));
        Matcher urls = URL.matcher(draft.text());
        while (urls.find()) {
            String url = trimTrailingPunctuation(urls.group());
            if (!evidence.contains(url)) {
                problems.add("URL not in the sources: " + url);
            }
        }
        Matcher figures = FIGURE.matcher(URL.matcher(draft.text()).replaceAll(" "));
        while (figures.find()) {
            String figure = trimTrailingPunctuation(figures.group().strip());
            // Compare digits only so "01632 960000" matches "01632960000" and "£1,234" matches "£1234".
            String key = digitsOnly(figure);
            if (!evidence.contains(figure) && !evidenceDigits.contains(key) && !evidenceJoinedDigits.contains(key)) {
                problems.add("figure not in the sources: " + figure);
            }
        }
        return new GuardVerdict(problems);
    }

    private static String trimTrailingPunctuation(String text) {
        return text.replaceAll("[.,:;/-]+$", "");
    }

    /** Digit groups between bars, "£1,234.50" becomes "|1|234|50|", so groups match whole. */
    private static String digitsOnly(String text) {
        StringBuilder digits = new StringBuilder("|");
        for (char c : text.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (digits.charAt(digits.length() - 1) != '|') {
                digits.append('|');
            }
        }
        if (digits.charAt(digits.length() - 1) != '|') {
            digits.append('|');
        }
        return digits.toString();
    }
}
