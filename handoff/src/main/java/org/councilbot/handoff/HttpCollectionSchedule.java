package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.councilbot.core.BinCollection;
import org.councilbot.core.CollectionSchedule;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.UkPostcodes;

/**
 * Bin collection days at an address from the council's waste system over HTTP, read through a URL
 * template ({@code {uprn}}, {@code {postcode}}) and JSON pointers.
 *
 * <p>Dates are read with the configured pattern, or as ISO dates and date-times (a date-time with
 * an offset is taken in the clock's zone). Dates before today are dropped; a round listed with
 * several dates keeps its soonest. A result without a round or a readable date is skipped and
 * logged; when no result can be read the mapping is wrong, and the lookup fails.
 */
public final class HttpCollectionSchedule implements CollectionSchedule {
    private static final System.Logger LOG = System.getLogger(HttpCollectionSchedule.class.getName());
    private static final Set<String> PLACEHOLDERS = Set.of("uprn", "postcode", "postcode_nospace", "key");
    private static final int MAX_ROUND_CHARS = 100;
    private static final int MAX_FREQUENCY_CHARS = 100;

    private final JsonLookupClient client;
    private final CollectionMapping mapping;
    private final DateTimeFormatter dates;
    private final int maxResults;
    private final Clock clock;

    private HttpCollectionSchedule(JsonLookupClient client, CollectionMapping mapping, int maxResults, Clock clock) {
        this.client = client;
        this.mapping = mapping;
        this.dates = CollectionMapping.formatter(mapping.datePattern());
        this.maxResults = maxResults;
        this.clock = clock;
    }

    /**
     * @param clock what "today" is, in the council's zone
     */
    public static HttpCollectionSchedule create(HttpLookupSettings settings, CollectionMapping mapping, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(mapping, "mapping");
        Objects.requireNonNull(clock, "clock");
        JsonLookupClient client = new JsonLookupClient(settings, PLACEHOLDERS, "bin collection lookup", clock);
        UrlTemplate template = client.template();
        if (!template.uses("uprn") && !template.uses("postcode") && !template.uses("postcode_nospace")) {
            throw Settings.invalid(settings.settingsKey() + ".url-template must contain {uprn}, {postcode} or"
                    + " {postcode_nospace}");
        }
        return new HttpCollectionSchedule(client, mapping, settings.maxResults(), clock);
    }

    @Override
    public List<BinCollection> collectionsAt(PropertyAddress address) {
        Objects.requireNonNull(address, "address");
        String postcode = UkPostcodes.normalise(address.postcode()).orElse(address.postcode().strip());
        UrlTemplate template = client.template();
        if (postcode.isEmpty() && (template.uses("postcode") || template.uses("postcode_nospace"))) {
            return List.of();
        }
        Optional<JsonNode> body = client.get(Map.of("uprn", address.uprn(), "postcode", postcode,
                "postcode_nospace", Postcodes.compact(postcode)));
        if (body.isEmpty()) {
            return List.of();
        }
        List<JsonNode> items;
        try {
            items = LookupJson.results(body.get(), mapping.results());
        } catch (WireFormatException e) {
            throw client.unavailable("answered but the body " + e.getMessage() + " (lookups.bin-collections.results is "
                    + mapping.results() + ")");
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, BinCollection> soonest = new LinkedHashMap<>();
        int unreadable = 0;
        int past = 0;
        for (JsonNode item : items.subList(0, Math.min(items.size(), maxResults))) {
            Optional<String> round = LookupJson.text(item, mapping.round()).map(r -> Texts.truncate(r, MAX_ROUND_CHARS));
            List<LocalDate> itemDates = dates(item);
            if (round.isEmpty() || itemDates.isEmpty()) {
                unreadable++;
                continue;
            }
            Optional<LocalDate> next = itemDates.stream().filter(date -> !date.isBefore(today)).min(Comparator.naturalOrder());
            if (next.isEmpty()) {
                past++;
                continue;
            }
            String frequency = LookupJson.text(item, mapping.frequency())
                    .map(f -> Texts.truncate(f, MAX_FREQUENCY_CHARS)).orElse("");
            BinCollection collection = new BinCollection(round.get(), next.get(), frequency);
            soonest.merge(round.get(), collection, (a, b) -> b.next().isBefore(a.next()) ? b : a);
        }
        if (unreadable > 0) {
            String what = unreadable + " of " + items.size() + " results without a round at "
                    + "lookups.bin-collections.fields.round " + mapping.round() + " or a date at "
                    + "lookups.bin-collections.fields.date " + mapping.date() + " in the pattern " + mapping.datePattern();
            if (soonest.isEmpty() && past == 0) {
                throw client.unavailable("answered, but none of its results could be read: " + what
                        + "; check the field pointers and date-pattern");
            }
            LOG.log(System.Logger.Level.WARNING, "The bin collection lookup at " + template + " answered " + what
                    + "; they were left out.");
        }
        List<BinCollection> sorted = new ArrayList<>(soonest.values());
        sorted.sort(Comparator.comparing(BinCollection::next).thenComparing(BinCollection::round));
        return List.copyOf(sorted);
    }

    @Override
    public String toString() {
        return "HttpCollectionSchedule[" + client.template() + "]";
    }

    /** The readable dates at the date pointer: one value, or an array of them. */
    private List<LocalDate> dates(JsonNode item) {
        JsonNode value = item.at(mapping.date());
        List<JsonNode> values = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(values::add);
        } else {
            values.add(value);
        }
        List<LocalDate> read = new ArrayList<>();
        for (JsonNode node : values) {
            if (node.isTextual()) {
                date(node.asText().strip()).ifPresent(read::add);
            }
        }
        return read;
    }

    private Optional<LocalDate> date(String text) {
        try {
            return Optional.of(dates.parse(text, LocalDate::from));
        } catch (DateTimeParseException e) {
            // Not in the council's pattern: ISO forms are understood too.
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            // Not an ISO date.
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).atZoneSameInstant(clock.getZone()).toLocalDate());
        } catch (DateTimeParseException e) {
            // Not an ISO date-time with an offset.
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
