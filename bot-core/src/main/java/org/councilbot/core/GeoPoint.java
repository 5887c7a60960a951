package org.councilbot.core;

/**
 * A point on the map in WGS84, as Open311 wants it ({@code lat}, {@code long}).
 *
 * @param latitude  degrees north, -90 to 90
 * @param longitude degrees east, -180 to 180
 */
public record GeoPoint(double latitude, double longitude) {
    public GeoPoint {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new CouncilbotException("invalid_point", "Not a point on the map: " + latitude + ", " + longitude + ".");
        }
    }
}
