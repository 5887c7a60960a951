package org.councilbot.core;

import java.util.Objects;

/**
 * A risk found in a resident's message.
 *
 * @param category e.g. {@code self_harm}, {@code child_at_risk}, {@code domestic_abuse}
 * @param cue      the wording that raised it, for the staff summary
 */
public record SafeguardingConcern(String category, String cue) {
    public SafeguardingConcern {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(cue, "cue");
    }
}
