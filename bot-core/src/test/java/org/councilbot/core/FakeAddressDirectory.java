package org.councilbot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A real in-memory address directory for engine tests; it can be made unavailable and counts its calls. */
final class FakeAddressDirectory implements AddressDirectory {
    private final Map<String, List<PropertyAddress>> byPostcode = new HashMap<>();
    final List<String> asked = new ArrayList<>();
    boolean down;

    /** Adds addresses at a postcode: "n Street" lines, UPRNs from 1000 + n, points for odd numbers. */
    FakeAddressDirectory street(String postcode, String street, int... numbers) {
        List<PropertyAddress> addresses = byPostcode.computeIfAbsent(postcode, key -> new ArrayList<>());
        for (int number : numbers) {
            addresses.add(new PropertyAddress(String.valueOf(1000 + number), number + " " + street + ", Testshire, "
                    + postcode, postcode, number % 2 == 1 ? Optional.of(new GeoPoint(52.0 + number / 1000.0, -1.5))
                    : Optional.empty()));
        }
        return this;
    }

    @Override
    public List<PropertyAddress> addressesAt(String postcode) {
        asked.add(postcode);
        if (down) {
            throw new LookupUnavailableException("address directory down for the test");
        }
        return List.copyOf(byPostcode.getOrDefault(postcode, List.of()));
    }
}
