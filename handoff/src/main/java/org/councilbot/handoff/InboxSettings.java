package org.councilbot.handoff;

import java.util.regex.Pattern;

/**
 * The built-in council inbox.
 *
 * @param referencePrefix {@code inbox.reference-prefix}: starts every council reference, e.g.
 *                        {@code BF} gives {@code BF-2026-000123}; 1-8 capital letters or digits
 */
public record InboxSettings(String referencePrefix) {
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,7}");

    public InboxSettings {
        if (referencePrefix == null || !PREFIX.matcher(referencePrefix).matches()) {
            throw Settings.invalid("inbox.reference-prefix must be 1-8 capital letters or digits starting with a letter, was "
                    + (referencePrefix == null ? "unset" : Texts.quote(referencePrefix)));
        }
    }
}
