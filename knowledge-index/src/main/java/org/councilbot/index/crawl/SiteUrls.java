package org.councilbot.index.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses of one site: which links stay on it, their one normal form (so one page is fetched
 * once), and which of them are not worth fetching as content.
 *
 * <p>The site is one origin: scheme, host and port. {@code http://council.gov.uk} and
 * {@code https://www.council.gov.uk} are other sites, as a browser would treat them.
 */
final class SiteUrls {
    /** Longer than any real page address; beyond this a link is generated junk (a calendar, a session trap). */
    static final int MAX_URL_CHARS = 2000;
    /** More parameters than this is a filtered or sorted listing, of which a site has endless variants. */
    static final int MAX_QUERY_PARAMETERS = 2;

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "dclid", "msclkid", "mc_cid",
            "mc_eid", "_ga", "_gl");
    private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "query", "search", "searchterm", "keywords",
            "keyword", "term", "s");
    private static final Pattern ACCOUNT_SEGMENT = Pattern.compile(
            "(?:log|sign)[-_]?(?:in|out|off|on)|logon|logoff|my-?account", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEARCH_SEGMENT = Pattern.compile("(?:[a-z]+-)?search(?:-?results?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNINDEXABLE_FILE = Pattern.compile(
            "\\.(jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|css|js|mjs|json|xml|rss|atom|woff2?|ttf|eot|otf"
                    + "|mp3|mp4|m4a|m4v|wav|ogg|avi|mov|wmv|webm|zip|gz|tgz|rar|7z|tar|exe|dmg|msi|iso|apk"
                    + "|docx?|xlsx?|pptx?|odt|ods|odp|rtf|csv|ics|vcf|kml|gpx)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");

    private final URI origin;

    SiteUrls(URI start) {
        this.origin = URI.create(start.getScheme() + "://" + start.getRawAuthority());
    }

    /** {@code https://host[:port]}, the site's root without a path. */
    URI origin() {
        return origin;
    }

    /** The address at {@code path} (starting with '/') of this site. */
    URI at(String path) {
        return URI.create(origin + path);
    }

    /**
     * The normal form of {@code href} as seen on page {@code base}: absolute, lower-case scheme and
     * host, no default port, no fragment, no dot segments, no tracking parameters, upper-case
     * percent escapes. Empty when it is not an http(s) address (mailto:, tel:, javascript:...) or
     * cannot be parsed.
     */
    static Optional<URI> normalise(URI base, String href) {
        String text = href.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return Optional.empty();
        }
        try {
            // URI.resolve drops the slash between a path-less base ("https://x.gov.uk") and a relative link.
            URI from = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
            URI resolved = from.resolve(new URI(escapeIllegal(text)));
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || resolved.getHost() == null) {
                return Optional.empty();
            }
            int port = resolved.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = resolved.normalize().getRawPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            while (path.startsWith("/../")) {
                path = path.substring(3);
            }
            StringBuilder url = new StringBuilder(scheme).append("://")
                    .append(resolved.getHost().toLowerCase(Locale.ROOT));
            if (!defaultPort) {
                url.append(':').append(port);
            }
            url.append(upperCaseEscapes(path));
            String query = withoutTracking(resolved.getRawQuery());
            if (!query.isEmpty()) {
                url.append('?').append(upperCaseEscapes(query));
            }
            return Optional.of(new URI(url.toString()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code url} (normalised) is on this site. */
    boolean onSite(URI url) {
        return origin.getScheme().equalsIgnoreCase(url.getScheme())
                && origin.getRawAuthority().equalsIgnoreCase(url.getRawAuthority());
    }

    /**
     * Why {@code url} is not worth fetching as a council page, if it is not: an account page, a
     * search or filtered listing, a file type the index cannot read, or an absurdly long address.
     */
    static Optional<String> notContent(URI url) {
        String text = url.toString();
        if (text.length() > MAX_URL_CHARS) {
            return Optional.of("address longer than " + MAX_URL_CHARS + " characters");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        List<String> segments = List.of(path.split("/"));
        if (segments.stream().anyMatch(segment -> ACCOUNT_SEGMENT.matcher(segment).matches())) {
            return Optional.of("an account page (sign in or out)");
        }
        List<String> parameters = parameterNames(url.getRawQuery());
        boolean searchPath = segments.stream().anyMatch(segment -> SEARCH_SEGMENT.matcher(segment).matches());
        if ((searchPath && !parameters.isEmpty()) || parameters.stream().anyMatch(SEARCH_PARAMETERS::contains)) {
            return Optional.of("a search results page");
        }
        if (parameters.size() > MAX_QUERY_PARAMETERS) {
            return Optional.of("a listing with " + parameters.size() + " query parameters (filtered or sorted variants"
                    + " of a page)");
        }
        Matcher file = UNINDEXABLE_FILE.matcher(segments.isEmpty() ? "" : segments.get(segments.size() - 1));
        if (file.find()) {
            return Optional.of("a ." + file.group(1).toLowerCase(Locale.ROOT) + " file, which cannot be indexed");
        }
        return Optional.empty();
    }

    /** What a robots.txt rule is matched against: the path and query as sent. */
    static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = parameterName(pair);
            if (!pair.isEmpty() && !name.startsWith("utm_") && !TRACKING_PARAMETERS.contains(name)) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static List<String> parameterNames(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(rawQuery.split("&")).filter(pair -> !pair.isEmpty())
                .map(SiteUrls::parameterName).distinct().toList();
    }

    private static String parameterName(String pair) {
        int equals = pair.indexOf('=');
        return (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
    }

    private static String upperCaseEscapes(String text) {
        return PERCENT_ESCAPE.matcher(text).replaceAll(escape -> escape.group().toUpperCase(Locale.ROOT));
    }

    /**
     * Percent-encodes what pages put in links but a URI may not hold (spaces, non-ASCII letters,
     * {@code |} and the like), leaving existing escapes alone.
     */
    static String escapeIllegal(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean legal = c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0;
            if (legal) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
