package org.councilbot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A real in-memory bin collection schedule for engine tests, by UPRN; it can be made unavailable. */
final class FakeCollectionSchedule implements CollectionSchedule {
    private final Map<String, List<BinCollection>> byUprn = new HashMap<>();
    final List<PropertyAddress> asked = new ArrayList<>();
    boolean down;

    FakeCollectionSchedule at(String uprn, BinCollection... collections) {
        byUprn.put(uprn, List.of(collections));
        return this;
    }

    @Override
    public List<BinCollection> collectionsAt(PropertyAddress address) {
        asked.add(address);
        if (down) {
            throw new LookupUnavailableException("schedule down for the test");
        }
        return byUprn.getOrDefault(address.uprn(), List.of());
    }
}
