package org.councilbot.core;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The next collection of one kind of waste at an address.
 *
 * @param round     what is collected, in the council's words, e.g. "Recycling (blue bin)"
 * @param next      the date of the next collection
 * @param frequency how often, e.g. "every other week"; empty when the council's system does not say
 */
public record BinCollection(String round, LocalDate next, String frequency) {
    public BinCollection {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(frequency, "frequency");
        if (round.isBlank()) {
            throw new CouncilbotException("invalid_collection", "A bin collection needs the name of its round.");
        }
    }
}
