package org.councilbot.handoff;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.councilbot.core.AddressDirectory;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.UkPostcodes;

/**
 * Addresses kept in a CSV file, for the demo and for councils without a gazetteer API:
 * {@code uprn,address,postcode} and optionally {@code latitude,longitude} (WGS84), read once.
 *
 * <p>A row that cannot be used stops the load with a message naming the file and line; a
 * half-read gazetteer would quietly offer residents the wrong addresses.
 */
public final class FileAddressDirectory implements AddressDirectory {
    private static final List<String> REQUIRED = List.of("uprn", "address", "postcode");
    private static final Set<String> OPTIONAL = Set.of("latitude", "longitude");
    private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");

    private final Map<String, List<PropertyAddress>> byPostcode;

    private FileAddressDirectory(Map<String, List<PropertyAddress>> byPostcode) {
        this.byPostcode = byPostcode;
    }

    /** Reads the file; throws {@link CouncilbotException} naming the file and line of the first problem. */
    public static FileAddressDirectory load(Path file) {
        Objects.requireNonNull(file, "file");
        CsvFile csv = CsvFile.read(file, "address file", REQUIRED, OPTIONAL);
        Map<String, List<PropertyAddress>> byPostcode = new LinkedHashMap<>();
        Set<String> uprns = new HashSet<>();
        for (CsvFile.Row row : csv.rows()) {
            String uprn = row.required("uprn");
            if (!UPRN.matcher(uprn).matches()) {
                throw row.problem("has the uprn " + Texts.quote(uprn) + "; a UPRN is up to 12 digits");
            }
            if (!uprns.add(uprn)) {
                throw row.problem("repeats the uprn " + uprn);
            }
            String postcode = UkPostcodes.normalise(row.required("postcode"))
                    .orElseThrow(() -> row.problem("has the postcode " + Texts.quote(row.get("postcode"))
                            + ", which is not a UK postcode like BF1 2AB"));
            String address = Texts.clean(row.required("address"));
            PropertyAddress property = new PropertyAddress(uprn, address, postcode, point(row));
            byPostcode.computeIfAbsent(postcode, p -> new ArrayList<>()).add(property);
        }
        Map<String, List<PropertyAddress>> frozen = new LinkedHashMap<>();
        byPostcode.forEach((postcode, addresses) -> frozen.put(postcode, List.copyOf(addresses)));
        return new FileAddressDirectory(Map.copyOf(frozen));
    }

    @Override
    public List<PropertyAddress> addressesAt(String postcode) {
        Objects.requireNonNull(postcode, "postcode");
        return UkPostcodes.normalise(postcode).map(p -> byPostcode.getOrDefault(p, List.of())).orElse(List.of());
    }

    /** How many addresses the file holds. */
    public int size() {
        return byPostcode.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "FileAddressDirectory[" + size() + " addresses at " + byPostcode.size() + " postcodes]";
    }

    private static Optional<GeoPoint> point(CsvFile.Row row) {
        String latitude = row.get("latitude");
        String longitude = row.get("longitude");
        if (latitude.isEmpty() && longitude.isEmpty()) {
            return Optional.empty();
        }
        if (latitude.isEmpty() || longitude.isEmpty()) {
            throw row.problem("has only one of latitude and longitude; give both or neither");
        }
        double lat = degrees(row, "latitude", latitude, 90);
        double lon = degrees(row, "longitude", longitude, 180);
        return Optional.of(new GeoPoint(lat, lon));
    }

    private static double degrees(CsvFile.Row row, String column, String text, double limit) {
        try {
            double value = Double.parseDouble(text);
            if (!(Math.abs(value) <= limit)) {
                throw row.problem("has the " + column + " " + text + "; it must be between -" + (int) limit + " and "
                        + (int) limit + " degrees (WGS84)");
            }
            return value;
        } catch (NumberFormatException e) {
            throw row.problem("has the " + column + " " + Texts.quote(text) + ", which is not a number");
        }
    }
}
