package org.councilbot.evals;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The state of a service-request form after a turn, as the bot under test reports it.
 *
 * @param serviceCode the service of the form
 * @param stage       {@code collecting}, {@code confirming}, {@code submitted} or {@code cancelled}
 * @param answers     field code to values given so far (on a submitted form: what was sent); the
 *                    standard questions as location, details, contact and consent
 */
public record FormSnapshot(String serviceCode, String stage, Map<String, List<String>> answers) {
    public static final String SUBMITTED = "submitted";

    public FormSnapshot {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(stage, "stage");
        answers = Map.copyOf(answers);
    }

    boolean submitted() {
        return stage.equals(SUBMITTED);
    }
}
