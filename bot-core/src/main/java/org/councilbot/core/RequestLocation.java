package org.councilbot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a problem is.
 *
 * @param description the address picked or the resident's own description of the place
 * @param postcode    a UK postcode, may be empty
 * @param uprn        the property's Unique Property Reference Number, may be empty
 * @param point       where it is on the map, when an address was picked from the gazetteer
 */
public record RequestLocation(String description, String postcode, String uprn, Optional<GeoPoint> point) {
    public RequestLocation {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(uprn, "uprn");
        Objects.requireNonNull(point, "point");
    }

    /** A place described in words, with no point on the map. */
    public RequestLocation(String description, String postcode, String uprn) {
        this(description, postcode, uprn, Optional.empty());
    }
}
