package org.councilbot.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One address from the council's gazetteer, as a resident picks it.
 *
 * @param uprn       the Unique Property Reference Number; the key other lookups use
 * @param singleLine the address on one line, e.g. "12 Mill Lane, Brackenford, BF1 2AB"
 * @param postcode   its postcode in the usual form, e.g. "BF1 2AB"
 * @param point      where it is, when the gazetteer says
 */
public record PropertyAddress(String uprn, String singleLine, String postcode, Optional<GeoPoint> point) {
    public PropertyAddress {
        Objects.requireNonNull(uprn, "uprn");
        Objects.requireNonNull(singleLine, "singleLine");
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(point, "point");
        if (uprn.isBlank() || singleLine.isBlank()) {
            throw new CouncilbotException("invalid_address", "An address needs a UPRN and a line of text.");
        }
    }
}
