package org.councilbot.handoff;

import java.util.List;
import java.util.Locale;

/**
 * Where the addresses are in an address API's JSON: JSON pointers to the results array and, within
 * each result, to its fields.
 *
 * <p>Validated on construction, each message naming its key under {@code lookups.addresses}. An
 * optional pointer left empty is not mapped.
 *
 * @param results        {@code results}: the array of addresses; empty when the body itself is the array.
 *                       A body without it has no addresses (OS Places leaves it out for an unknown postcode)
 * @param total          {@code total}: the number of results across pages, e.g. {@code /header/totalresults}
 * @param uprn           {@code fields.uprn}: the property's UPRN (or the council's own property id)
 * @param address        {@code fields.address}: the address on one line
 * @param postcode       {@code fields.postcode}: its postcode; when not mapped, the postcode asked for
 * @param latitude       {@code fields.latitude}: WGS84 degrees north; mapped with longitude or not at all
 * @param longitude      {@code fields.longitude}: WGS84 degrees east
 * @param filter         {@code filter.field}: a field that decides which results are kept, e.g. a classification
 * @param filterPrefixes {@code filter.prefixes}: a result is kept when that field starts with one of these
 *                       (ignoring case), e.g. {@code R} for OS's residential classifications
 */
public record AddressMapping(String results, String total, String uprn, String address, String postcode,
                             String latitude, String longitude, String filter, List<String> filterPrefixes) {
    private static final String KEY = "lookups.addresses.";

    public AddressMapping {
        results = Settings.jsonPointer(KEY + "results", results);
        total = Settings.jsonPointer(KEY + "total", total);
        uprn = Settings.requiredJsonPointer(KEY + "fields.uprn", uprn);
        address = Settings.requiredJsonPointer(KEY + "fields.address", address);
        postcode = Settings.jsonPointer(KEY + "fields.postcode", postcode);
        latitude = Settings.jsonPointer(KEY + "fields.latitude", latitude);
        longitude = Settings.jsonPointer(KEY + "fields.longitude", longitude);
        if (latitude.isEmpty() != longitude.isEmpty()) {
            throw Settings.invalid(KEY + "fields.latitude and " + KEY + "fields.longitude must be set together, or neither");
        }
        filter = Settings.jsonPointer(KEY + "filter.field", filter);
        if (filterPrefixes == null) {
            throw Settings.invalid(KEY + "filter.prefixes must be set (it may be empty)");
        }
        filterPrefixes = filterPrefixes.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(p -> p.toUpperCase(Locale.ROOT)).toList();
        if (filter.isEmpty() != filterPrefixes.isEmpty()) {
            throw Settings.invalid(KEY + "filter.field and " + KEY + "filter.prefixes must be set together, or neither");
        }
    }

    /** The OS Places API's DPA results: {@code {"header":{...},"results":[{"DPA":{"UPRN":...}}]}}. */
    public static AddressMapping osPlaces() {
        return new AddressMapping("/results", "/header/totalresults", "/DPA/UPRN", "/DPA/ADDRESS", "/DPA/POSTCODE",
                "/DPA/LAT", "/DPA/LNG", "", List.of());
    }

    /** The same mapping keeping only results whose {@code filter} field starts with one of {@code prefixes}. */
    public AddressMapping filtered(String field, List<String> prefixes) {
        return new AddressMapping(results, total, uprn, address, postcode, latitude, longitude, field, prefixes);
    }
}
