package org.councilbot.core;

import java.text.Normalizer;
import java.util.regex.Pattern;

final class StandardMessageNormaliser implements MessageNormaliser {
    // Format characters (zero-width joiners, bidi overrides) can hide text from screening.
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final int maxChars;

    StandardMessageNormaliser(int maxChars) {
        if (maxChars < 1) {
            throw new CouncilbotException("invalid_configuration",
                    "engine.max-message-chars must be at least 1, was " + maxChars);
        }
        this.maxChars = maxChars;
    }

    @Override
    public String normalise(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        text = INVISIBLE.matcher(text).replaceAll("");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        if (text.isEmpty()) {
            throw new InvalidMessageException("empty_message", "The message is empty; send some text.");
        }
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw new InvalidMessageException("message_too_long", "The message is "
                    + text.codePointCount(0, text.length()) + " characters long; please keep it to "
                    + maxChars + " characters or fewer.");
        }
        return text;
    }
}
