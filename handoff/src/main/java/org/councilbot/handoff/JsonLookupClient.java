package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.councilbot.core.LookupUnavailableException;

/**
 * GETs one lookup from a JSON API and turns every failure into {@link LookupUnavailableException}.
 *
 * <p>400 and 404 mean the API does not know what was asked (OS Places answers 400 for a postcode
 * it cannot search): there is nothing, not a failure, but it is logged in case the URL is wrong.
 * A 429 with {@code Retry-After} pauses the client until then, so a throttled API is not hammered
 * by every resident who asks meanwhile. Messages and logs name the API by its URL without the
 * query, and never quote the key or the values asked about.
 */
final class JsonLookupClient {
    private static final System.Logger LOG = System.getLogger(JsonLookupClient.class.getName());
    static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    private static final Duration MAX_PAUSE = Duration.ofMinutes(10);
    private static final int MAX_DETAIL_CHARS = 200;
    /** Placeholders whose values say where a resident lives. */
    private static final Set<String> PRIVATE = Set.of("postcode", "postcode_nospace", "uprn");
    private static final List<String> ERROR_TEXTS = List.of("/error/message", "/fault/faultstring", "/message",
            "/error_description", "/error", "/detail", "/title");

    private final HttpLookupSettings settings;
    private final UrlTemplate template;
    private final String what;
    private final Clock clock;
    private final BoundedHttp http;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>(Instant.MIN);

    /**
     * @param allowed the placeholders this lookup fills
     * @param what    what is being looked up, for messages: "address lookup", "bin collection lookup"
     */
    JsonLookupClient(HttpLookupSettings settings, Set<String> allowed, String what, Clock clock) {
        this.settings = settings;
        this.template = UrlTemplate.parse(settings.settingsKey() + ".url-template", settings.urlTemplate(), allowed);
        this.what = what;
        this.clock = clock;
        this.http = new BoundedHttp(settings.timeout(), MAX_BODY_BYTES);
    }

    UrlTemplate template() {
        return template;
    }

    /**
     * The body of a 2xx; empty for 204, 400 and 404.
     *
     * @param values the placeholders' values except {@code {key}}; they are kept out of messages
     */
    Optional<JsonNode> get(Map<String, String> values) {
        Instant now = clock.instant();
        Instant until = pausedUntil.get();
        if (now.isBefore(until)) {
            throw unavailable("asked us to wait after HTTP 429; calling again after " + until);
        }
        Map<String, String> all = new HashMap<>(values);
        all.put("key", settings.key());
        HttpRequest.Builder request = http.request(template.expand(all)).header("Accept", "application/json").GET();
        settings.headers().forEach((name, value) -> request.setHeader(name, value.replace(HttpLookupSettings.KEY,
                settings.key())));
        BoundedHttp.Reply reply;
        try {
            reply = http.send(request.build());
        } catch (BoundedHttp.Failure e) {
            throw unavailable(e.getMessage());
        }
        int status = reply.status();
        if (status == 204) {
            return Optional.empty();
        }
        if (status == 400 || status == 404) {
            LOG.log(System.Logger.Level.WARNING, "The " + what + " at " + template + " answered HTTP " + status
                    + detail(reply, values) + "; taken as nothing found. If every lookup says this, check "
                    + settings.settingsKey() + ".url-template.");
            return Optional.empty();
        }
        if (status == 401 || status == 403) {
            throw unavailable("refused our credentials (HTTP " + status + detail(reply, values) + "); check "
                    + settings.settingsKey() + ".key and " + settings.settingsKey() + ".headers");
        }
        if (status == 429) {
            Optional<Duration> wait = reply.header("Retry-After").flatMap(v -> retryAfter(v, now));
            wait.ifPresent(w -> pausedUntil.accumulateAndGet(now.plus(w), (a, b) -> a.isAfter(b) ? a : b));
            throw unavailable("asked us to slow down (HTTP 429)"
                    + wait.map(w -> "; calling again after " + w.toSeconds() + " s").orElse(""));
        }
        if (status >= 500) {
            throw unavailable("answered HTTP " + status + detail(reply, values));
        }
        if (!reply.isSuccess()) {
            throw unavailable("answered HTTP " + status + "; check " + settings.settingsKey() + ".url-template");
        }
        try {
            return Optional.of(Open311Wire.json(reply.body()));
        } catch (WireFormatException e) {
            throw unavailable("answered HTTP " + status + " but the body " + e.getMessage());
        }
    }

    /** Completes "The address lookup at URL ...". */
    LookupUnavailableException unavailable(String problem) {
        return new LookupUnavailableException("The " + what + " at " + template + " " + problem + ".");
    }

    /** ": the API's own words", with the key and the values asked about blanked out; empty when it gave none. */
    private String detail(BoundedHttp.Reply reply, Map<String, String> values) {
        JsonNode body;
        try {
            body = Open311Wire.json(reply.body());
        } catch (WireFormatException e) {
            return "";
        }
        for (String pointer : ERROR_TEXTS) {
            JsonNode node = body.at(pointer);
            if (node.isValueNode() && !node.asText().isBlank()) {
                String text = Texts.clean(node.asText()).replaceAll("\\s+", " ");
                List<String> secrets = new ArrayList<>(List.of(settings.key()));
                PRIVATE.forEach(name -> secrets.add(values.getOrDefault(name, "")));
                for (String secret : secrets) {
                    if (!secret.isBlank()) {
                        text = text.replaceAll("(?i)" + Pattern.quote(secret), "…");
                    }
                }
                return ": " + Texts.truncate(text, MAX_DETAIL_CHARS);
            }
        }
        return "";
    }

    /** Retry-After as seconds or an HTTP date, at most ten minutes. */
    private static Optional<Duration> retryAfter(String value, Instant now) {
        String text = value.strip();
        Duration wait;
        if (text.matches("\\d{1,9}")) {
            wait = Duration.ofSeconds(Long.parseLong(text));
        } else {
            try {
                wait = Duration.between(now, ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME
                        .withLocale(Locale.ENGLISH)).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return Optional.empty();
        }
        return Optional.of(wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait);
    }
}
