package org.councilbot.handoff;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.councilbot.core.RequestLocation;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;

/**
 * The form fields of Open311's POST requests, in a stable order; empty values are left out.
 *
 * <p>A place picked from the gazetteer also goes as {@code lat} and {@code long} (WGS84). The
 * spec needs one of address_string, address_id or lat/long; sending all of them gives the
 * council's system the most to go on.
 */
final class Open311Form {
    private Open311Form() {
    }

    /**
     * @param multiValueCodes attributes the catalogue types as multivaluelist: those are sent as
     *                        {@code attribute[code][]}, one field per value, as the spec asks
     */
    static List<Map.Entry<String, String>> of(ServiceRequest request, Open311Settings settings,
                                              Set<String> multiValueCodes) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        add(form, "api_key", settings.apiKey());
        add(form, "jurisdiction_id", settings.jurisdictionId());
        add(form, "service_code", request.serviceCode());
        new TreeMap<>(request.answers()).forEach((code, values) -> {
            boolean multi = multiValueCodes.contains(code) || values.size() > 1;
            String field = "attribute[" + code + "]" + (multi ? "[]" : "");
            values.forEach(value -> add(form, field, value));
        });
        add(form, "address_string", address(request.location()));
        add(form, "address_id", request.location().uprn());
        request.location().point().ifPresent(point -> {
            add(form, "lat", decimal(point.latitude()));
            add(form, "long", decimal(point.longitude()));
        });
        add(form, "description", request.description());
        ResidentContact contact = request.contact();
        add(form, "email", contact.email());
        String name = contact.name().strip();
        int lastSpace = name.lastIndexOf(' ');
        add(form, "first_name", lastSpace < 0 ? name : name.substring(0, lastSpace).strip());
        add(form, "last_name", lastSpace < 0 ? "" : name.substring(lastSpace + 1));
        add(form, "phone", contact.phone());
        return List.copyOf(form);
    }

    /** The place as the resident gave it, with the postcode appended unless already in it. */
    private static String address(RequestLocation location) {
        String description = location.description().strip();
        String postcode = location.postcode().strip();
        if (postcode.isEmpty() || normalise(description).contains(normalise(postcode))) {
            return description;
        }
        return description.isEmpty() ? postcode : description + ", " + postcode;
    }

    /** Plain decimal notation: Open311 servers do not all read "1.0E-4". */
    private static String decimal(double degrees) {
        return BigDecimal.valueOf(degrees).toPlainString();
    }

    private static String normalise(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static void add(List<Map.Entry<String, String>> form, String field, String value) {
        if (!value.isBlank()) {
            form.add(Map.entry(field, value.strip()));
        }
    }
}
