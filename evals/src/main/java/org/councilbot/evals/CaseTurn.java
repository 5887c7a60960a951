package org.councilbot.evals;

import java.util.Objects;

/** One resident message of a case and what the bot must do with it. */
public record CaseTurn(String user, Expectation expect) {
    public CaseTurn {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(expect, "expect");
    }
}
