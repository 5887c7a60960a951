package org.councilbot.index.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a site's robots.txt allows one crawler, read as RFC 9309 says.
 *
 * <p>The groups naming the crawler's product token (case-insensitively) apply, merged; when none
 * does, the {@code *} groups do. Of the Allow and Disallow rules whose pattern matches a path, the
 * longest pattern wins, and Allow wins a tie. Patterns may use {@code *} (any characters) and end
 * with {@code $} (end of the address). {@code Crawl-delay}, which the RFC leaves out but many
 * councils' sites set, is read from the same groups. {@code Sitemap} lines apply to everyone.
 */
final class RobotsRules {
    /** The RFC asks crawlers to read at least this much of a robots.txt; the rest is ignored. */
    static final int MAX_BYTES = 512 * 1024;

    private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9a-fA-F]{2}");
    private static final Pattern PRODUCT_TOKEN = Pattern.compile("[A-Za-z_-]+");

    private final List<Rule> rules;
    private final Optional<Duration> crawlDelay;
    private final List<String> sitemaps;

    private RobotsRules(List<Rule> rules, Optional<Duration> crawlDelay, List<String> sitemaps) {
        this.rules = List.copyOf(rules);
        this.crawlDelay = crawlDelay;
        this.sitemaps = List.copyOf(sitemaps);
    }

    /** No robots.txt (or a 4xx for it): everything is allowed. */
    static RobotsRules allowAll() {
        return new RobotsRules(List.of(), Optional.empty(), List.of());
    }

    /** The rules of robots.txt {@code text} for the crawler whose product token is {@code agent}. */
    static RobotsRules parse(String text, String agent) {
        List<Group> groups = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        Group current = null;
        boolean inRules = false;
        for (String raw : text.split("\r\n|\r|\n")) {
            int hash = raw.indexOf('#');
            String line = (hash < 0 ? raw : raw.substring(0, hash)).strip();
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "user-agent" -> {
                    // Consecutive user-agent lines share one group; one after a rule starts the next.
                    if (current == null || inRules) {
                        current = new Group();
                        groups.add(current);
                        inRules = false;
                    }
                    current.agents.add(value);
                }
                case "allow", "disallow" -> {
                    if (current != null) {
                        inRules = true;
                        if (!value.isEmpty()) {
                            current.rules.add(new Rule(key.equals("allow"), value));
                        }
                    }
                }
                case "crawl-delay" -> {
                    if (current != null) {
                        inRules = true;
                        Optional<Duration> delay = seconds(value);
                        if (delay.isPresent()) {
                            current.crawlDelay = delay;
                        }
                    }
                }
                case "sitemap" -> {
                    // "Sitemap: https://..." holds a colon of its own, so the whole value after the key is kept.
                    if (!value.isEmpty()) {
                        sitemaps.add(value);
                    }
                }
                default -> {
                    // Unknown lines (Host, Clean-param, typos) are ignored, as the RFC asks.
                }
            }
        }
        List<Group> named = groups.stream().filter(group -> group.names(agent)).toList();
        List<Group> applying = named.isEmpty() ? groups.stream().filter(Group::isWildcard).toList() : named;
        List<Rule> rules = applying.stream().flatMap(group -> group.rules.stream()).toList();
        Optional<Duration> delay = applying.stream().map(group -> group.crawlDelay).flatMap(Optional::stream)
                .max(Duration::compareTo);
        return new RobotsRules(rules, delay, sitemaps);
    }

    /** Whether a crawler may fetch the address with this path and query ({@code /a/b?c=d}). */
    boolean allows(String pathAndQuery) {
        if (pathAndQuery.equals("/robots.txt")) {
            return true;
        }
        String path = upperCaseEscapes(pathAndQuery);
        int longestAllow = -1;
        int longestDisallow = -1;
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                if (rule.allow) {
                    longestAllow = Math.max(longestAllow, rule.pattern.length());
                } else {
                    longestDisallow = Math.max(longestDisallow, rule.pattern.length());
                }
            }
        }
        return longestAllow >= longestDisallow;
    }

    /** The delay the site asks between requests, if it asks. */
    Optional<Duration> crawlDelay() {
        return crawlDelay;
    }

    /** The sitemaps the site lists, as written. */
    List<String> sitemaps() {
        return sitemaps;
    }

    private static Optional<Duration> seconds(String value) {
        try {
            double seconds = Double.parseDouble(value);
            if (Double.isNaN(seconds) || seconds < 0 || seconds > 86_400) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String upperCaseEscapes(String text) {
        return PERCENT_ESCAPE.matcher(text).replaceAll(escape -> escape.group().toUpperCase(Locale.ROOT));
    }

    /** One user-agent group: its agents, rules and crawl delay. */
    private static final class Group {
        final List<String> agents = new ArrayList<>();
        final List<Rule> rules = new ArrayList<>();
        Optional<Duration> crawlDelay = Optional.empty();

        /** Whether one of the group's user-agent lines names {@code agent}, e.g. "CouncilBot/1.0" names "councilbot". */
        boolean names(String agent) {
            for (String line : agents) {
                Matcher token = PRODUCT_TOKEN.matcher(line);
                if (token.lookingAt() && token.group().equalsIgnoreCase(agent)) {
                    return true;
                }
            }
            return false;
        }

        boolean isWildcard() {
            return agents.contains("*");
        }
    }

    /** An Allow or Disallow line, its pattern compiled once. */
    private static final class Rule {
        final boolean allow;
        final String pattern;
        final Pattern compiled;

        Rule(boolean allow, String pattern) {
            this.allow = allow;
            this.pattern = upperCaseEscapes(pattern);
            this.compiled = compile(this.pattern);
        }

        boolean matches(String path) {
            return compiled.matcher(path).lookingAt();
        }

        /** A prefix pattern: {@code *} any run of characters, a final {@code $} the end; all else literal. */
        private static Pattern compile(String pattern) {
            boolean anchored = pattern.endsWith("$");
            String body = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int star = body.indexOf('*'); star >= 0; star = body.indexOf('*', start)) {
                if (star > start) {
                    regex.append(Pattern.quote(body.substring(start, star)));
                }
                regex.append(".*");
                start = star + 1;
            }
            if (start < body.length()) {
                regex.append(Pattern.quote(body.substring(start)));
            }
            if (anchored) {
                regex.append('$');
            }
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
