package org.councilbot.core;

import java.util.List;

/**
 * When the bins are collected at an address: the council's waste system, or a file for the demo.
 *
 * <p>Throws {@link LookupUnavailableException} when the schedule cannot be asked just now; an
 * address the schedule does not cover is an empty list.
 */
public interface CollectionSchedule {

    /** The next collection of each round at the address, soonest first. */
    List<BinCollection> collectionsAt(PropertyAddress address);

    /** No schedule configured: bin-day questions are answered from the council's pages. Always the same instance. */
    static CollectionSchedule none() {
        return Unconfigured.SCHEDULE;
    }

    /** Holds the one "none" instance, so the engine can tell it from a schedule that found nothing. */
    final class Unconfigured {
        static final CollectionSchedule SCHEDULE = address -> List.of();

        private Unconfigured() {
        }
    }
}
