package org.councilbot.handoff;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to call one of the council's JSON lookup APIs (addresses by postcode, bin days by address).
 *
 * <p>Validated on construction, each message naming its key under {@code settingsKey}. The API key
 * is sent where the template or a header says {@code {key}}, so it never has to be written into
 * the configuration file; {@link #toString()} shows neither the key nor header values.
 *
 * @param settingsKey the settings' prefix, e.g. {@code lookups.addresses}, for messages
 * @param urlTemplate {@code url-template}: the URL with placeholders, e.g. {@code {postcode}}
 * @param key         {@code key}: the API key, from the environment; may be empty when nothing uses {@code {key}}
 * @param headers     {@code headers}: sent with every call; values may use {@code {key}}
 * @param timeout     {@code timeout}: the most one call may take, connecting and reading included
 * @param maxResults  {@code max-results}: the most results read from one lookup, across pages
 */
public record HttpLookupSettings(String settingsKey, String urlTemplate, String key, Map<String, String> headers,
                                 Duration timeout, int maxResults) {
    /** The OS Places API's postcode search, WGS84 points, paged 100 at a time. */
    public static final String OS_PLACES_URL_TEMPLATE = "https://api.os.uk/search/places/v1/postcode"
            + "?postcode={postcode}&output_srs=WGS84&maxresults={max}&offset={offset}";
    static final String KEY = "{key}";
    static final Set<String> PLACEHOLDERS = Set.of("postcode", "postcode_nospace", "uprn", "key", "offset", "max");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final int MAX_RESULTS = 10_000;

    public HttpLookupSettings {
        if (settingsKey == null || settingsKey.isBlank()) {
            throw new IllegalArgumentException("settingsKey must not be blank");
        }
        UrlTemplate template = UrlTemplate.parse(settingsKey + ".url-template", urlTemplate, PLACEHOLDERS);
        urlTemplate = urlTemplate.strip();
        key = Settings.singleLine(settingsKey + ".key", key).strip();
        headers = headers(settingsKey, headers);
        boolean keyUsed = template.uses("key") || headers.values().stream().anyMatch(v -> v.contains(KEY));
        if (keyUsed && key.isEmpty()) {
            throw Settings.invalid(settingsKey + ".key must be set (from the environment): the url-template or a header"
                    + " uses {key}");
        }
        if (!keyUsed && !key.isEmpty()) {
            throw Settings.invalid(settingsKey + ".key is set but neither the url-template nor a header uses {key},"
                    + " so it would never be sent");
        }
        Settings.positive(settingsKey + ".timeout", timeout, Duration.ofMinutes(1));
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw Settings.invalid(settingsKey + ".max-results must be between 1 and " + MAX_RESULTS + ", was " + maxResults);
        }
    }

    /**
     * The OS Places API's postcode search with the key in the {@code key} header (so it stays out
     * of URLs and proxy logs).
     *
     * @param urlTemplate {@link #OS_PLACES_URL_TEMPLATE}, or another host serving the same API
     */
    public static HttpLookupSettings osPlaces(String urlTemplate, String key, Duration timeout, int maxResults) {
        return new HttpLookupSettings("lookups.addresses", urlTemplate, key, Map.of("key", KEY), timeout, maxResults);
    }

    @Override
    public String toString() {
        return "HttpLookupSettings[" + settingsKey + ", urlTemplate=" + UrlTemplate.parse(settingsKey, urlTemplate,
                PLACEHOLDERS).description() + ", key=" + (key.isEmpty() ? "(empty)" : "****") + ", headers="
                + headers.keySet() + ", timeout=" + timeout + ", maxResults=" + maxResults + "]";
    }

    private static Map<String, String> headers(String settingsKey, Map<String, String> headers) {
        if (headers == null) {
            throw Settings.invalid(settingsKey + ".headers must be set (it may be empty)");
        }
        Map<String, String> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String where = settingsKey + ".headers." + name;
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                throw Settings.invalid(settingsKey + ".headers has a name that is not an HTTP header name: "
                        + Texts.quote(String.valueOf(name)));
            }
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                throw Settings.invalid(where + " cannot be set; the HTTP client sends it itself");
            }
            String text = Settings.singleLine(where, value).strip();
            if (text.replace(KEY, "").matches(".*\\{[a-z_]+}.*")) {
                throw Settings.invalid(where + " may use only the {key} placeholder");
            }
            checked.put(name, text);
        });
        return Map.copyOf(checked);
    }
}
