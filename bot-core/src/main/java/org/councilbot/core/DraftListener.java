package org.councilbot.core;

/**
 * Shown an answer while it is being written, one checked sentence at a time, so residents see it
 * appear; told to withdraw it when the draft is replaced by a safer answer.
 */
public interface DraftListener {

    /** The answer so far: every sentence in it has passed the guard. */
    void draft(String conversationId, String textSoFar);

    /** The streamed draft is withdrawn; the turn's reply replaces it. */
    void withdrawn(String conversationId);

    static DraftListener none() {
        return new DraftListener() {
            @Override
            public void draft(String conversationId, String textSoFar) {
            }

            @Override
            public void withdrawn(String conversationId) {
            }
        };
    }
}
