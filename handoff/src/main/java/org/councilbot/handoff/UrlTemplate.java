package org.councilbot.handoff;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with {@code {name}} placeholders, e.g.
 * {@code https://api.os.uk/search/places/v1/postcode?postcode={postcode}}, expanded with
 * percent-encoded values.
 *
 * <p>Placeholders may appear only after the host, so a value can never send a request elsewhere.
 */
final class UrlTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final String template;
    private final Set<String> placeholders;
    private final String description;

    private UrlTemplate(String template, Set<String> placeholders, String description) {
        this.template = template;
        this.placeholders = placeholders;
        this.description = description;
    }

    /**
     * @param key     the setting's name, for messages
     * @param allowed the placeholders this template may use
     */
    static UrlTemplate parse(String key, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            throw Settings.invalid(key + " must be set to an http(s) URL");
        }
        String template = value.strip();
        if (template.chars().anyMatch(c -> c <= ' ')) {
            throw Settings.invalid(key + " must not contain spaces or control characters");
        }
        Set<String> used = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                throw Settings.invalid(key + " uses {" + matcher.group(1) + "}, which is not one of "
                        + String.join(", ", allowed.stream().map(name -> "{" + name + "}").sorted().toList()));
            }
            used.add(matcher.group(1));
        }
        String sample = PLACEHOLDER.matcher(template).replaceAll("x");
        if (sample.contains("{") || sample.contains("}")) {
            throw Settings.invalid(key + " has a brace that is not part of a placeholder like {postcode}");
        }
        URI uri;
        try {
            uri = new URI(sample);
        } catch (URISyntaxException e) {
            throw Settings.invalid(key + " is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.isOpaque()) {
            throw Settings.invalid(key + " must be an http(s) URL");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo it: the user info is a credential.
            throw Settings.invalid(key + " must not contain a user name or password; use the key setting");
        }
        if (uri.getRawFragment() != null) {
            throw Settings.invalid(key + " must not have a fragment");
        }
        int authorityEnd = authorityEnd(template);
        int firstPlaceholder = template.indexOf('{');
        if (firstPlaceholder >= 0 && firstPlaceholder < authorityEnd) {
            throw Settings.invalid(key + " may use placeholders only after the host");
        }
        int queryStart = template.indexOf('?');
        String description = queryStart < 0 ? template : template.substring(0, queryStart);
        return new UrlTemplate(template, Set.copyOf(used), description);
    }

    boolean uses(String placeholder) {
        return placeholders.contains(placeholder);
    }

    /** The URL with each placeholder replaced by its value, percent-encoded. */
    String expand(Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The template without its query, e.g. {@code https://api.os.uk/search/places/v1/postcode}: safe
     * for messages and logs, since keys and residents' postcodes are sent in the query or expanded
     * from placeholders, never shown here.
     */
    String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Spaces as %20, which reads the same in a path and in a query. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int authorityEnd(String template) {
        int schemeEnd = template.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        for (int i = start; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return template.length();
    }
}
