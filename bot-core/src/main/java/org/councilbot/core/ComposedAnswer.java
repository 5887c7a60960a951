package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/** A draft answer and the pages it relies on, before the guard has checked it. */
public record ComposedAnswer(String text, List<Citation> citations) {
    public ComposedAnswer {
        Objects.requireNonNull(text, "text");
        citations = List.copyOf(citations);
    }
}
