package org.councilbot.core;

import java.util.Locale;

/** What the bot did with a turn; wire names are those of the evaluation suites. */
public enum Action {
    ANSWER, FORM, LOOKUP, CLARIFY, HANDOFF, SAFEGUARDING, OUT_OF_SCOPE, SMALLTALK, DONT_KNOW;

    /** The lower-case name used in the HTTP API and in evaluation suites, e.g. {@code dont_know}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; throws {@link CouncilbotException} naming the allowed values otherwise. */
    public static Action fromWireName(String name) {
        for (Action action : values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        throw new CouncilbotException("unknown_action", "Unknown action '" + name
                + "'; expected one of answer, form, lookup, clarify, handoff, safeguarding, "
                + "out_of_scope, smalltalk, dont_know.");
    }
}
