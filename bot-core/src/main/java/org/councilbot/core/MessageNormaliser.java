package org.councilbot.core;

/** Stage 1: turns raw resident input into clean text, or rejects it with a reason to show. */
@FunctionalInterface
public interface MessageNormaliser {

    /** Returns the normalised text; throws {@link InvalidMessageException} for empty or oversize input. */
    String normalise(String raw);

    /** Unicode NFKC, control characters removed, white space collapsed, at most {@code maxChars}. */
    static MessageNormaliser standard(int maxChars) {
        return new StandardMessageNormaliser(maxChars);
    }
}
