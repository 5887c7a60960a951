package org.councilbot.core;

import java.util.List;

/** Stage 7: checks a draft answer against its sources before a resident sees it. */
@FunctionalInterface
public interface AnswerGuard {
    GuardVerdict check(ComposedAnswer draft, List<Passage> sources);

    /** Cited pages must be among the sources; every number, price, phone number and URL must appear in them. */
    static AnswerGuard sourceGrounding() {
        return new SourceGroundingGuard();
    }
}
