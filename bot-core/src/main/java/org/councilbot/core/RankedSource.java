package org.councilbot.core;

import java.util.Objects;

/** One page the engine consulted for a turn, in retrieval order, with its scores. */
public record RankedSource(String url, String title, double score, double coverage) {
    public RankedSource {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }
}
