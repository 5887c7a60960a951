package org.councilbot.handoff;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.councilbot.core.CouncilbotException;

/** Checks shared by the settings records; every message names the configuration key. */
final class Settings {
    private Settings() {
    }

    static CouncilbotException invalid(String message) {
        return new CouncilbotException("invalid_configuration", message);
    }

    /** An absolute http(s) URL without credentials, query or fragment, returned ending in '/'. */
    static String httpBaseUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key + " must be set to an http(s) URL");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw invalid(key + " must be an http(s) URL, was not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.isOpaque()) {
            throw invalid(key + " must be an http(s) URL, was " + safe(uri));
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo it: the user info is a credential.
            throw invalid(key + " must not contain a user name or password; put secrets in their own settings");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(key + " must not have a query or fragment, was " + safe(uri));
        }
        String text = uri.toString();
        return text.endsWith("/") ? text : text + "/";
    }

    static Duration positive(String key, Duration value, Duration max) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw invalid(key + " must be a positive duration, was " + value);
        }
        if (value.compareTo(max) > 0) {
            throw invalid(key + " must be at most " + max + ", was " + value);
        }
        return value;
    }

    static String present(String key, String value) {
        if (value == null) {
            throw invalid(key + " must be set (it may be empty)");
        }
        return value;
    }

    static String singleLine(String key, String value) {
        present(key, value);
        if (value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw invalid(key + " must be a single line");
        }
        return value;
    }

    /**
     * A JSON pointer like {@code /DPA/UPRN}; empty is the whole value, or "not mapped" where the
     * setting is optional.
     */
    static String jsonPointer(String key, String value) {
        String pointer = singleLine(key, value).strip();
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw invalid(key + " must be a JSON pointer starting with '/', like /results or /DPA/UPRN, was "
                    + Texts.quote(pointer));
        }
        return pointer;
    }

    static String requiredJsonPointer(String key, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(key + " must be set to a JSON pointer, like /id");
        }
        return jsonPointer(key, value);
    }

    private static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
