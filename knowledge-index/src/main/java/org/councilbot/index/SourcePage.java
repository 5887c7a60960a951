package org.councilbot.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One council page read from the corpus, before chunking.
 *
 * @param source  the file it came from
 * @param url     canonical absolute http(s) url of the page
 * @param title   page title
 * @param service service area, e.g. {@code waste}; empty when the page names none
 * @param updated when the page was last updated, if it says
 * @param body    the page's Markdown (or plain text) without front matter
 * @param paged   whether the body is a document cut into {@code # Page N} sections (a PDF), whose
 *                passages are cited with a {@code #page=N} link
 */
record SourcePage(Path source, String url, String title, String service, Optional<LocalDate> updated,
                  String body, boolean paged) {
    /** Longer than any real page address; beyond this a url is almost certainly pasted content. */
    static final int MAX_URL_CHARS = 2000;
    private static final Pattern DOCUMENT_PAGE = Pattern.compile("Page (\\d+)");

    SourcePage {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(updated, "updated");
        Objects.requireNonNull(body, "body");
    }

    /** A web page or Markdown page: not cut into document pages. */
    SourcePage(Path source, String url, String title, String service, Optional<LocalDate> updated, String body) {
        this(source, url, title, service, updated, body, false);
    }

    /** Validates the fields of a document whose body is cut into {@code # Page N} sections. */
    static SourcePage ofPagedDocument(Path source, JsonNode fields, String body) throws SourceRejected {
        SourcePage page = of(source, fields, body);
        return new SourcePage(source, page.url(), page.title(), page.service(), page.updated(), body, true);
    }

    /**
     * The address a passage with this section path is cited by: for a paged document whose path ends
     * with "Page N", the url opened at that page ({@code #page=N}); otherwise the page's url.
     */
    String citationUrl(List<String> sectionPath) {
        if (!paged || sectionPath.isEmpty()) {
            return url;
        }
        Matcher page = DOCUMENT_PAGE.matcher(sectionPath.get(sectionPath.size() - 1));
        return page.matches() ? url + "#page=" + page.group(1) : url;
    }

    /** Validates the page fields of a front matter block or a JSON Lines record. */
    static SourcePage of(Path source, JsonNode fields, String body) throws SourceRejected {
        if (!fields.isObject()) {
            throw new SourceRejected("front matter must be a set of 'key: value' fields");
        }
        String title = requiredText(fields, "title");
        String url = requiredText(fields, "url");
        checkUrl(url);
        String service = optionalText(fields, "service").orElse("").toLowerCase(Locale.ROOT);
        Optional<String> updatedText = optionalText(fields, "updated");
        Optional<LocalDate> updated = updatedText.isPresent() ? Optional.of(date(updatedText.get())) : Optional.empty();
        if (body.isBlank()) {
            throw new SourceRejected("page has no text");
        }
        return new SourcePage(source, url, title, service, updated, body);
    }

    private static String requiredText(JsonNode fields, String name) throws SourceRejected {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            throw new SourceRejected("missing '" + name + "'");
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new SourceRejected("'" + name + "' must be non-empty text");
        }
        return value.asText().strip();
    }

    private static Optional<String> optionalText(JsonNode fields, String name) throws SourceRejected {
        JsonNode value = fields.get(name);
        if (value == null || value.isNull() || value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new SourceRejected("'" + name + "' must be text");
        }
        return value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText().strip());
    }

    private static void checkUrl(String url) throws SourceRejected {
        if (url.length() > MAX_URL_CHARS) {
            throw new SourceRejected("'url' is longer than " + MAX_URL_CHARS + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new SourceRejected("'url' must be an absolute http(s) address, was '" + url + "'");
            }
        } catch (URISyntaxException e) {
            throw new SourceRejected("'url' is not a valid address: " + e.getMessage());
        }
    }

    private static LocalDate date(String text) throws SourceRejected {
        try {
            // Accepts yyyy-mm-dd and full ISO timestamps, whose date part is all that matters here.
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new SourceRejected("'updated' must be a date like 2024-05-31, was '" + text + "'");
        }
    }
}
