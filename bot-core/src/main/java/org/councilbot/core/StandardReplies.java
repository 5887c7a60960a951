package org.councilbot.core;

import java.util.List;

/** The fixed wording of replies that do not come from the council's pages. */
final class StandardReplies {
    static final String TALK_TO_PERSON = "Talk to a person";

    private final CouncilProfile council;

    StandardReplies(CouncilProfile council) {
        this.council = council;
    }

    String greeting() {
        return "Hello, I'm the " + council.name() + " online assistant. Ask me about council services, "
                + "such as bins, council tax, parking or housing, and I'll find the answer on our website.";
    }

    String thanks() {
        return "You're welcome. Is there anything else I can help with?";
    }

    String goodbye() {
        return "Goodbye, and thank you for contacting " + council.name() + ".";
    }

    String person() {
        return "To speak to someone at " + council.name() + ", call " + council.contactPhone() + " ("
                + council.officeHours() + "). Outside those hours, for emergencies only, call "
                + council.outOfHoursPhone() + ".";
    }

    String sorry() {
        return "I'm sorry I haven't been able to help.";
    }

    String dontKnow(boolean hasRelatedPages) {
        return "Sorry, I couldn't find an answer to that on the " + council.name() + " website."
                + (hasRelatedPages ? " These pages are the closest I found." : "")
                + " If you'd like to speak to someone, call " + council.contactPhone() + " ("
                + council.officeHours() + ").";
    }

    String safeguarding(SafeguardingConcern concern) {
        String lead = "If you or anyone else is in immediate danger, call 999 now.";
        String specific = switch (concern.category()) {
            case "self_harm" -> " You can talk to the Samaritans at any time, free, on 116 123, "
                    + "or call NHS 111 for urgent help.";
            case "domestic_abuse" -> " The National Domestic Abuse Helpline is free and open 24 hours "
                    + "on 0808 2000 247.";
            case "child_at_risk", "adult_at_risk" -> " To report a concern about a child or an adult at "
                    + "risk, call " + council.name() + " on " + council.contactPhone() + " ("
                    + council.officeHours() + ") or our out-of-hours line on " + council.outOfHoursPhone() + ".";
            default -> "";
        };
        return lead + specific + " You can also call us on " + council.contactPhone()
                + " and ask for the safeguarding team; out of hours call " + council.outOfHoursPhone() + ".";
    }

    String clarify(List<String> options) {
        return "Which of these did you mean: " + String.join(", or ", options) + "?";
    }

    /** A polite refusal that says what the assistant can do; the intent's own reply goes first. */
    String outOfScope(String intentReply) {
        String lead = intentReply.isBlank() ? "Sorry, that isn't something I can help with." : intentReply;
        return lead + " I can answer questions about " + council.name() + " services, such as bins, council tax, "
                + "parking, housing and planning.";
    }

    List<String> greetingQuickReplies() {
        return council.suggestedTopics();
    }
}
