package org.councilbot.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot says back, independent of channel; adapters render it as JSON, SSML or TwiML.
 *
 * @param text         the reply in plain text (lists as "- " lines)
 * @param action       what the bot did
 * @param citations    pages the reply relies on
 * @param related      other pages worth a look (e.g. closest pages when the bot does not know)
 * @param quickReplies short replies the resident can tap
 * @param why          the rationale
 * @param form         the service-request form this reply asks about, if any
 */
public record BotReply(String text, Action action, List<Citation> citations, List<Citation> related,
                       List<String> quickReplies, Rationale why, Optional<FormState> form) {
    public BotReply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(action, "action");
        citations = List.copyOf(citations);
        related = List.copyOf(related);
        quickReplies = List.copyOf(quickReplies);
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(form, "form");
    }

    /** A reply with no form. */
    public BotReply(String text, Action action, List<Citation> citations, List<Citation> related,
                    List<String> quickReplies, Rationale why) {
        this(text, action, citations, related, quickReplies, why, Optional.empty());
    }

    public BotReply withForm(FormState state) {
        return new BotReply(text, action, citations, related, quickReplies, why, Optional.of(state));
    }
}
