package org.councilbot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * How one of the council's catalogue services is linked to a built-in {@link ServiceType}.
 *
 * @param serviceCode the council's service code
 * @param serviceName the council's name for it
 * @param type        the linked type, or empty when none fits (the service keeps its own words)
 * @param score       how well the service's words fit the type, 0..1
 * @param how         {@code pinned} (the council's configuration), {@code matched}, or {@code unlinked}
 */
public record ServiceLink(String serviceCode, String serviceName, Optional<String> type, double score, String how) {
    public ServiceLink {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(how, "how");
    }

    /** One line for start-up logs and reports. */
    public String describe() {
        return type.map(t -> String.format(java.util.Locale.ROOT, "%s (%s) -> %s [%s %.2f]", serviceCode, serviceName,
                t, how, score)).orElse(serviceCode + " (" + serviceName + ") -> no built-in type [" + how + "]");
    }
}
