package org.councilbot.handoff;

import java.time.Duration;
import java.util.Locale;

/**
 * How to reach a council's Open311 GeoReport v2 server.
 *
 * <p>Validated on construction, each message naming its key; {@link #toString()} never shows the
 * API key.
 *
 * @param baseUrl          {@code open311.base-url}: the endpoint, e.g. {@code https://council.example/open311/v2/};
 *                         kept ending in '/'
 * @param apiKey           {@code open311.api-key}: sent with each new request; may be empty
 * @param jurisdictionId   {@code open311.jurisdiction-id}: sent when not empty
 * @param format           {@code open311.format}: {@code json} or {@code xml}, what the server answers in
 * @param timeout          {@code open311.timeout}: the most one call may take, connecting and reading included
 * @param catalogueRefresh {@code open311.catalogue-refresh}: how long a fetched catalogue is used before it is
 *                         fetched again
 */
public record Open311Settings(String baseUrl, String apiKey, String jurisdictionId, String format, Duration timeout,
                              Duration catalogueRefresh) {
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration MAX_REFRESH = Duration.ofDays(7);

    public Open311Settings {
        baseUrl = Settings.httpBaseUrl("open311.base-url", baseUrl);
        apiKey = Settings.singleLine("open311.api-key", apiKey).strip();
        jurisdictionId = Settings.singleLine("open311.jurisdiction-id", jurisdictionId).strip();
        if (format == null || !(format.strip().equalsIgnoreCase("json") || format.strip().equalsIgnoreCase("xml"))) {
            throw Settings.invalid("open311.format must be json or xml, was " + format);
        }
        format = format.strip().toLowerCase(Locale.ROOT);
        Settings.positive("open311.timeout", timeout, MAX_TIMEOUT);
        Settings.positive("open311.catalogue-refresh", catalogueRefresh, MAX_REFRESH);
    }

    /** JSON answers, a 10 second timeout and an hourly catalogue refresh. */
    public static Open311Settings of(String baseUrl, String apiKey, String jurisdictionId) {
        return new Open311Settings(baseUrl, apiKey, jurisdictionId, "json", Duration.ofSeconds(10), Duration.ofHours(1));
    }

    boolean xml() {
        return format.equals("xml");
    }

    @Override
    public String toString() {
        return "Open311Settings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey.isEmpty() ? "(empty)" : "****")
                + ", jurisdictionId=" + jurisdictionId + ", format=" + format + ", timeout=" + timeout
                + ", catalogueRefresh=" + catalogueRefresh + "]";
    }
}
