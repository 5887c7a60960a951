package org.councilbot.core;

import java.util.List;

/** The guard's finding on a draft answer; {@code problems} says what was not grounded. */
public record GuardVerdict(List<String> problems) {
    public GuardVerdict {
        problems = List.copyOf(problems);
    }

    public boolean grounded() {
        return problems.isEmpty();
    }
}
