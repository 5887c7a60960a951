package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.councilbot.core.AddressDirectory;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.UkPostcodes;

/**
 * Addresses at a postcode from an HTTP JSON API: the OS Places API's postcode search (see
 * {@link HttpLookupSettings#osPlaces} and {@link AddressMapping#osPlaces()}) or the council's own
 * gazetteer, read through a URL template and JSON pointers.
 *
 * <p>A template with {@code {offset}} is paged: pages of up to 100 ({@code {max}}) are fetched
 * until the API's total, a short page or {@code max-results}. A text that is not a UK postcode is
 * not sent at all. A result without a UPRN or address is skipped and logged; when every result
 * lacks them the mapping is wrong, and the lookup fails rather than answering "no addresses".
 */
public final class HttpAddressDirectory implements AddressDirectory {
    private static final System.Logger LOG = System.getLogger(HttpAddressDirectory.class.getName());
    static final int PAGE_SIZE = 100;
    private static final Set<String> PLACEHOLDERS = Set.of("postcode", "postcode_nospace", "key", "offset", "max");
    private static final Pattern UPRN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_ADDRESS_CHARS = 300;

    private final JsonLookupClient client;
    private final AddressMapping mapping;
    private final int maxResults;
    private final boolean paged;

    private HttpAddressDirectory(JsonLookupClient client, AddressMapping mapping, int maxResults) {
        this.client = client;
        this.mapping = mapping;
        this.maxResults = maxResults;
        this.paged = client.template().uses("offset");
    }

    /**
     * @param clock tells when a throttled API may be called again
     */
    public static HttpAddressDirectory create(HttpLookupSettings settings, AddressMapping mapping, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(clock, "clock");
        JsonLookupClient client = new JsonLookupClient(settings, PLACEHOLDERS, "address lookup", clock);
        if (!client.template().uses("postcode") && !client.template().uses("postcode_nospace")) {
            throw Settings.invalid(settings.settingsKey() + ".url-template must contain {postcode} or {postcode_nospace}");
        }
        return new HttpAddressDirectory(client, mapping, settings.maxResults());
    }

    @Override
    public List<PropertyAddress> addressesAt(String postcode) {
        Objects.requireNonNull(postcode, "postcode");
        Optional<String> asked = UkPostcodes.normalise(postcode);
        if (asked.isEmpty()) {
            return List.of();
        }
        Map<String, PropertyAddress> found = new LinkedHashMap<>();
        Tally tally = new Tally();
        int pageSize = Math.min(PAGE_SIZE, maxResults);
        int offset = 0;
        while (true) {
            Optional<JsonNode> body = client.get(Map.of("postcode", asked.get(),
                    "postcode_nospace", Postcodes.compact(asked.get()),
                    "offset", Integer.toString(offset), "max", Integer.toString(pageSize)));
            if (body.isEmpty()) {
                break;
            }
            List<JsonNode> items;
            try {
                items = LookupJson.results(body.get(), mapping.results());
            } catch (WireFormatException e) {
                throw client.unavailable("answered but the body " + e.getMessage() + " (lookups.addresses.results is "
                        + mapping.results() + ")");
            }
            int known = 0;
            for (JsonNode item : items) {
                Optional<PropertyAddress> address = found.size() < maxResults ? read(item, asked.get(), tally)
                        : Optional.empty();
                if (address.isPresent() && found.putIfAbsent(address.get().uprn(), address.get()) != null) {
                    known++;
                }
            }
            offset += items.size();
            if (!paged && items.size() > maxResults) {
                LOG.log(System.Logger.Level.WARNING, "The address lookup at " + client.template() + " answered "
                        + items.size() + " addresses at one postcode; only the first " + maxResults
                        + " are offered (lookups.addresses.max-results).");
            }
            if (!paged || items.isEmpty()) {
                break;
            }
            int got = items.size();
            int sent = offset;
            boolean more = LookupJson.number(body.get(), mapping.total()).map(total -> sent < total)
                    .orElse(got >= pageSize);
            if (!more) {
                break;
            }
            if (known == got) {
                LOG.log(System.Logger.Level.WARNING, "The address lookup at " + client.template() + " sent the same"
                        + " addresses again for the next page; does the url-template's {offset} reach the API?");
                break;
            }
            if (offset >= maxResults) {
                LOG.log(System.Logger.Level.WARNING, "The address lookup at " + client.template() + " has more than "
                        + maxResults + " addresses at one postcode; the rest are left out (lookups.addresses.max-results).");
                break;
            }
        }
        tally.report(found.isEmpty());
        return List.copyOf(found.values());
    }

    @Override
    public String toString() {
        return "HttpAddressDirectory[" + client.template() + "]";
    }

    private Optional<PropertyAddress> read(JsonNode item, String askedPostcode, Tally tally) {
        tally.seen++;
        if (!mapping.filter().isEmpty()) {
            String value = LookupJson.text(item, mapping.filter()).orElse("").toUpperCase(Locale.ROOT);
            if (mapping.filterPrefixes().stream().noneMatch(value::startsWith)) {
                tally.filtered++;
                return Optional.empty();
            }
        }
        Optional<String> uprn = LookupJson.text(item, mapping.uprn()).filter(id -> UPRN.matcher(id).matches());
        if (uprn.isEmpty()) {
            tally.withoutUprn++;
            return Optional.empty();
        }
        Optional<String> line = LookupJson.text(item, mapping.address()).map(a -> Texts.truncate(a, MAX_ADDRESS_CHARS));
        if (line.isEmpty()) {
            tally.withoutAddress++;
            return Optional.empty();
        }
        String postcode = LookupJson.text(item, mapping.postcode()).flatMap(UkPostcodes::normalise).orElse(askedPostcode);
        return Optional.of(new PropertyAddress(uprn.get(), line.get(), postcode, point(item)));
    }

    /** A point when both coordinates are there and on the map; (0, 0) is how some APIs say "unknown". */
    private Optional<GeoPoint> point(JsonNode item) {
        Optional<Double> latitude = LookupJson.number(item, mapping.latitude());
        Optional<Double> longitude = LookupJson.number(item, mapping.longitude());
        if (latitude.isEmpty() || longitude.isEmpty()) {
            return Optional.empty();
        }
        double lat = latitude.get();
        double lon = longitude.get();
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || lat == 0 && lon == 0) {
            return Optional.empty();
        }
        return Optional.of(new GeoPoint(lat, lon));
    }

    /** What was left out of one lookup, so it can be logged once and a wrong mapping noticed. */
    private final class Tally {
        int seen;
        int filtered;
        int withoutUprn;
        int withoutAddress;

        void report(boolean nothingFound) {
            int skipped = withoutUprn + withoutAddress;
            if (skipped == 0) {
                return;
            }
            List<String> reasons = new ArrayList<>();
            if (withoutUprn > 0) {
                reasons.add(withoutUprn + " without a UPRN at lookups.addresses.fields.uprn " + mapping.uprn());
            }
            if (withoutAddress > 0) {
                reasons.add(withoutAddress + " without an address at lookups.addresses.fields.address " + mapping.address());
            }
            String what = skipped + " of " + (seen - filtered) + " results (" + String.join(", ", reasons) + ")";
            if (nothingFound) {
                throw client.unavailable("answered, but none of its results could be read: " + what
                        + "; check the field pointers");
            }
            LOG.log(System.Logger.Level.WARNING, "The address lookup at " + client.template() + " answered " + what
                    + " that could not be read; they were left out.");
        }
    }
}
