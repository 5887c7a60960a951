package org.councilbot.core;

/** What the learned reading of a message decided, before the engine acts on it. */
sealed interface KindDecision {
    /** Greeting, thanks or goodbye. */
    record Smalltalk(String kind, double probability) implements KindDecision {
    }

    /** Asks for a person. */
    record Person(double probability) implements KindDecision {
    }

    /** Frustrated with the conversation or the service: a person, with an apology. */
    record Frustrated(double probability) implements KindDecision {
    }

    /** Not a council matter: general knowledge, a general assistant's task, politics, abuse, instructions. */
    record NotCouncil(String kind, double probability) implements KindDecision {
    }

    /** Another organisation's business: declined unless the council's own pages are about it. */
    record OtherOrganisation(double probability) implements KindDecision {
    }

    /** A report the council takes online, with the service it is linked to. */
    record Report(String type, ServiceLink service, double probability) implements KindDecision {
    }
}
