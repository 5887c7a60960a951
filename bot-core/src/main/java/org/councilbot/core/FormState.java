package org.councilbot.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a resident's service-request form has got: carried on each reply, so the next turn can
 * continue it and the web page can show it.
 *
 * @param serviceCode the service requested
 * @param serviceName its name, for the resident
 * @param stage       what happens next
 * @param answers     field code to the values given so far (a skipped optional field has none)
 * @param fields      the questions of this form, in order
 * @param current     the field being asked, when collecting or changing
 * @param reference   councilbot's reference once submitted
 * @param councilReference the council's reference once delivered
 */
public record FormState(String serviceCode, String serviceName, Stage stage, Map<String, List<String>> answers,
                        List<FormField> fields, Optional<String> current, Optional<String> reference,
                        Optional<String> councilReference) {
    public FormState {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(stage, "stage");
        answers = Map.copyOf(answers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> List.copyOf(entry.getValue()))));
        fields = List.copyOf(fields);
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(councilReference, "councilReference");
    }

    /** What the form is waiting for. */
    public enum Stage { COLLECTING, CONFIRMING, SUBMITTED, CANCELLED }

    public boolean isOpen() {
        return stage == Stage.COLLECTING || stage == Stage.CONFIRMING;
    }

    public Optional<FormField> currentField() {
        return current.flatMap(code -> fields.stream().filter(field -> field.code().equals(code)).findFirst());
    }
}
