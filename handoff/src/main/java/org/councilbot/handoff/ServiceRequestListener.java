package org.councilbot.handoff;

import org.councilbot.core.ServiceRequest;

/**
 * Told when a request's delivery ends, e.g. to send the resident a confirmation once the
 * council's reference is known. Called after the outcome is stored, on the delivering thread;
 * a listener that fails is logged and does not affect the request.
 */
public interface ServiceRequestListener {

    /** The council took the request and gave it {@code councilReference}. */
    void delivered(ServiceRequest request, String councilReference);

    /** The request will not be delivered without staff: the council refused it or it ran out of attempts. */
    default void deadLettered(ServiceRequest request, String reason) {
    }
}
