package org.councilbot.handoff;

import java.util.Optional;

/** A service desk that can accept a request now and name its reference later (see {@link ReferenceToFollowException}). */
interface DeferredReferenceDesk {

    /** The council's reference for a receipt token, empty while it has none yet. */
    Optional<String> resolveReference(String receiptToken);
}
