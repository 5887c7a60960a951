package org.councilbot.core;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Buffers streamed tokens into sentences and lets each sentence through only when the guard finds
 * it grounded: a resident never sees an unchecked figure, link or phone number. The first
 * sentence that fails closes the gate for the rest of the draft.
 */
final class SentenceGate implements TokenSink {
    // A sentence ends at . ! ? or a line break, followed by white space.
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s)|\\n");

    private final AnswerGuard guard;
    private final List<Passage> sources;
    private final Consumer<String> shown;
    private final StringBuilder pending = new StringBuilder();
    private final StringBuilder released = new StringBuilder();
    private boolean closed;

    SentenceGate(AnswerGuard guard, List<Passage> sources, Consumer<String> shown) {
        this.guard = guard;
        this.sources = sources;
        this.shown = shown;
    }

    @Override
    public void token(String piece) {
        if (closed) {
            return;
        }
        pending.append(piece);
        Matcher end = SENTENCE_END.matcher(pending);
        int cut = -1;
        while (end.find()) {
            cut = end.end();
        }
        if (cut > 0) {
            release(pending.substring(0, cut));
            pending.delete(0, cut);
        }
    }

    /** Lets the last, unterminated sentence through once the stream has ended. */
    void finish() {
        if (!closed && !pending.toString().isBlank()) {
            release(pending.toString());
            pending.setLength(0);
        }
    }

    boolean releasedAnything() {
        return released.length() > 0;
    }

    private void release(String sentences) {
        if (sentences.isBlank()) {
            released.append(sentences);
            return;
        }
        GuardVerdict verdict = guard.check(new ComposedAnswer(sentences, List.of()), sources);
        if (!verdict.grounded()) {
            closed = true;
            return;
        }
        released.append(sentences);
        shown.accept(released.toString().strip());
    }
}
