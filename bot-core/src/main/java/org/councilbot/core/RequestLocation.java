package org.councilbot.core;

import java.util.Objects;

/**
 * Where a problem is.
 *
 * @param description the address picked or the resident's own description of the place
 * @param postcode    a UK postcode, may be empty
 * @param uprn        the property's Unique Property Reference Number, may be empty
 */
public record RequestLocation(String description, String postcode, String uprn) {
    public RequestLocation {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(uprn, "uprn");
    }
}
