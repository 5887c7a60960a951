package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * Something residents ask for, as a council configures it.
 *
 * @param name        e.g. {@code report_missed_bin}
 * @param action      what the bot does: {@code ANSWER} (from pages), {@code FORM}, {@code LOOKUP},
 *                    {@code HANDOFF} (people only) or {@code OUT_OF_SCOPE}
 * @param label       how a quick reply names it when the bot asks which was meant
 * @param examples    how residents say it
 * @param serviceCode the catalogue service a {@code FORM} intent starts, or what a {@code LOOKUP} intent
 *                    looks up ({@code bin-collections}); empty otherwise
 * @param reply       fixed reply text for {@code HANDOFF} and {@code OUT_OF_SCOPE}; may be empty
 * @param overridesPages true when the intent applies even if the council's pages match (e.g.
 *                    requests for political opinions); false when pages that answer win
 */
public record IntentDefinition(String name, Action action, String label, List<String> examples, String serviceCode,
                               String reply, boolean overridesPages) {
    public IntentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(label, "label");
        examples = List.copyOf(examples);
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(reply, "reply");
        if (name.isBlank()) {
            throw new CouncilbotException("invalid_intent", "An intent has no name.");
        }
        if (examples.isEmpty()) {
            throw new CouncilbotException("invalid_intent", "Intent " + name + " has no examples.");
        }
        if (action == Action.FORM && serviceCode.isBlank()) {
            throw new CouncilbotException("invalid_intent", "Intent " + name + " starts a form but names no service.");
        }
        if (!(action == Action.ANSWER || action == Action.FORM || action == Action.LOOKUP || action == Action.HANDOFF
                || action == Action.OUT_OF_SCOPE)) {
            throw new CouncilbotException("invalid_intent", "Intent " + name + " has action " + action.wireName()
                    + "; intents answer, form, lookup, handoff or out_of_scope.");
        }
    }
}
