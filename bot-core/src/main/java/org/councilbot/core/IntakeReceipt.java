package org.councilbot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What the resident is told once a request is safely stored.
 *
 * @param reference        councilbot's reference, always known
 * @param state            how far delivery has got
 * @param councilReference the council's own reference, once delivered
 */
public record IntakeReceipt(String reference, DeliveryState state, Optional<String> councilReference) {
    public IntakeReceipt {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(councilReference, "councilReference");
    }

    /** How far a stored request has got on its way to the council. */
    public enum DeliveryState { DELIVERED, PENDING, DEAD_LETTERED }
}
