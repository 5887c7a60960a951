package org.councilbot.core;

import java.util.List;

/** Stage 4: decides what kind of message this is and what to look up for it. */
@FunctionalInterface
public interface IntentReader {
    Understanding understand(String text, List<Turn> history);

    /** Rules for smalltalk and asking for a person; everything else is a question. */
    static IntentReader rules() {
        return new RuleIntentReader();
    }
}
