package org.councilbot.handoff;

import org.councilbot.core.CouncilbotException;

/**
 * The council's server took a request but gives its reference later, against a receipt token
 * (Open311's "token" response). Sending the request again would make a duplicate: the outbox
 * keeps the token and asks {@link DeferredReferenceDesk#resolveReference} instead.
 */
final class ReferenceToFollowException extends CouncilbotException {
    private final String receiptToken;

    ReferenceToFollowException(String receiptToken) {
        super("reference_to_follow", "The council accepted the request; its reference will follow (token "
                + receiptToken + ").");
        this.receiptToken = receiptToken;
    }

    String receiptToken() {
        return receiptToken;
    }
}
