package org.councilbot.handoff;

import java.util.List;

/**
 * One page of the council inbox, newest first.
 *
 * @param entries the page's requests
 * @param page    its number, from 0
 * @param size    the most entries a page holds
 * @param total   requests in the inbox
 */
public record InboxPage(List<InboxEntry> entries, int page, int size, long total) {
    public InboxPage {
        entries = List.copyOf(entries);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
