package org.councilbot.core;

import java.util.Objects;

/** A council web page that a reply relies on or points to. */
public record Citation(String title, String url) {
    public Citation {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
