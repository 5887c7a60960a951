package org.councilbot.handoff;

import java.util.Optional;
import org.councilbot.core.Action;

/** How soon a person should take a conversation over; safeguarding concerns come first. */
public enum HandoffPriority {
    /** The resident asked for a person, was frustrated, or the topic is for people only. */
    NORMAL(1),
    /** A safeguarding concern: risk of harm to the resident or someone else. */
    URGENT(2);

    private final int rank;

    HandoffPriority(int rank) {
        this.rank = rank;
    }

    /** The stored rank; higher is taken first. */
    int rank() {
        return rank;
    }

    static HandoffPriority ofRank(int rank) {
        for (HandoffPriority priority : values()) {
            if (priority.rank == rank) {
                return priority;
            }
        }
        throw new IllegalArgumentException("no handoff priority of rank " + rank);
    }

    /** The priority a reply of this action asks for, if it asks for a person at all. */
    static Optional<HandoffPriority> askedBy(Action action) {
        return switch (action) {
            case SAFEGUARDING -> Optional.of(URGENT);
            case HANDOFF -> Optional.of(NORMAL);
            default -> Optional.empty();
        };
    }
}
