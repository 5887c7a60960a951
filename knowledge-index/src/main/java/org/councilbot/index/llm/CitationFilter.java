package org.councilbot.index.llm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.councilbot.core.TokenSink;

/**
 * Takes the model's tokens as they stream, removes citation markers such as {@code [1]} or
 * {@code [1, 2]} and passes the rest on, keeping the cited source numbers.
 *
 * <p>Markers are removed because the answer's citations travel separately and the guard would read
 * a marker's digit as a figure. A marker split over several tokens is held back until it is
 * complete or can no longer be one. The opening words are held back while they could still be
 * {@code I don't know}, so a resident is never streamed a non-answer. Once {@link #close()} is
 * called (the composition gave up), late tokens from the provider's thread are dropped.
 */
final class CitationFilter implements TokenSink {
    private static final Pattern MARKER = Pattern.compile("\\[\\s*\\d{1,3}(?:\\s*,\\s*\\d{1,3})*\\s*]");
    private static final Pattern MARKER_START = Pattern.compile("\\[\\s*(?:\\d{1,3}(?:\\s*,\\s*(?:\\d{1,3})?)*)?\\s*");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int LONGEST_MARKER = 24;
    private static final List<String> DONT_KNOW = List.of("i don't know", "i do not know");
    private static final String CLOSING_PUNCTUATION = ".,;:!?)";

    private final TokenSink downstream;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder bracket = new StringBuilder();
    private final StringBuilder space = new StringBuilder();
    private final StringBuilder lead = new StringBuilder();
    private final StringBuilder batch = new StringBuilder();
    private final SequencedSet<Integer> cited = new LinkedHashSet<>();
    private boolean afterMarker;
    private boolean deciding = true;
    private boolean dontKnow;
    private boolean closed;

    CitationFilter(TokenSink downstream) {
        this.downstream = downstream;
    }

    @Override
    public synchronized void token(String piece) {
        if (closed || piece == null) {
            return;
        }
        piece.chars().forEach(c -> accept((char) c));
        flushBatch();
    }

    /** Ends the stream: an unfinished marker is plain text after all, trailing space is dropped. */
    synchronized void finish() {
        if (closed) {
            return;
        }
        if (!bracket.isEmpty()) {
            String unfinished = bracket.toString();
            bracket.setLength(0);
            unfinished.chars().forEach(c -> plain((char) c));
        }
        if (deciding && !dontKnow && !lead.isEmpty()) {
            batch.append(lead);
        }
        deciding = false;
        flushBatch();
        closed = true;
    }

    /** Drops anything that arrives from now on. */
    synchronized void close() {
        closed = true;
    }

    synchronized String text() {
        return text.toString().strip();
    }

    /** Source numbers in the order first cited. */
    synchronized List<Integer> cited() {
        return new ArrayList<>(cited);
    }

    synchronized boolean saidDontKnow() {
        return dontKnow;
    }

    private void accept(char c) {
        if (bracket.isEmpty()) {
            if (c == '[') {
                bracket.append(c);
            } else {
                plain(c);
            }
            return;
        }
        bracket.append(c);
        if (MARKER.matcher(bracket).matches()) {
            Matcher numbers = NUMBER.matcher(bracket);
            while (numbers.find()) {
                cited.add(Integer.parseInt(numbers.group()));
            }
            bracket.setLength(0);
            afterMarker = true;
        } else if (bracket.length() >= LONGEST_MARKER || !MARKER_START.matcher(bracket).matches()) {
            String notMarker = bracket.substring(1);
            bracket.setLength(0);
            plain('[');
            notMarker.chars().forEach(next -> accept((char) next));
        }
    }

    private void plain(char c) {
        if (Character.isWhitespace(c)) {
            if (!text.isEmpty()) {
                space.append(c);
            }
            return;
        }
        if (!space.isEmpty()) {
            boolean dropSpace = afterMarker && CLOSING_PUNCTUATION.indexOf(c) >= 0;
            if (!dropSpace) {
                emit(afterMarker ? space.toString().replaceAll("[ \\t]+", " ") : space.toString());
            }
            space.setLength(0);
        }
        afterMarker = false;
        emit(String.valueOf(c));
    }

    private void emit(String clean) {
        text.append(clean);
        if (!deciding) {
            batch.append(clean);
            return;
        }
        lead.append(clean);
        String opening = lead.toString().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        if (DONT_KNOW.stream().anyMatch(opening::startsWith)) {
            dontKnow = true;
        } else if (DONT_KNOW.stream().noneMatch(phrase -> phrase.startsWith(opening))) {
            deciding = false;
            batch.append(lead);
            lead.setLength(0);
        }
    }

    private void flushBatch() {
        if (!batch.isEmpty()) {
            String out = batch.toString();
            batch.setLength(0);
            downstream.token(out);
        }
    }
}
