package org.councilbot.index.crawl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What the crawler needs from a fetched web page: its links and whether it may be indexed and followed. */
final class CrawledHtml {
    private static final int CHARSET_SNIFF_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=", Pattern.CASE_INSENSITIVE);
    /** X-Robots-Tag directives that take a value after a colon, which is then not an agent name. */
    private static final Set<String> VALUED_DIRECTIVES = Set.of("unavailable_after", "max-snippet",
            "max-image-preview", "max-video-preview");

    /**
     * A fetched page's links and robots directives.
     *
     * @param links    the absolute addresses of its {@code <a href>} and {@code <area href>} links, as written
     * @param noindex  the page asks not to be indexed
     * @param nofollow the page asks that its links not be followed
     */
    record Page(List<String> links, boolean noindex, boolean nofollow) {
        Page {
            links = List.copyOf(links);
        }
    }

    private CrawledHtml() {
    }

    /**
     * Reads the page's links and its {@code <meta name="robots">} (or {@code name="councilbot"}) and
     * {@code X-Robots-Tag} directives for the crawler named {@code agent}.
     */
    static Page read(byte[] html, Optional<String> charset, URI base, List<String> robotsHeaders, String agent) {
        Document document = parse(html, charset.filter(CrawledHtml::isKnownCharset), base);
        List<String> links = new ArrayList<>();
        for (Element link : document.select("a[href], area[href]")) {
            String href = link.absUrl("href");
            if (!href.isEmpty()) {
                links.add(href);
            }
        }
        List<String> directives = new ArrayList<>();
        for (Element meta : document.select("meta[name][content]")) {
            String name = meta.attr("name").strip();
            if (name.equalsIgnoreCase("robots") || name.equalsIgnoreCase(agent)) {
                directives.addAll(split(meta.attr("content")));
            }
        }
        for (String header : robotsHeaders) {
            int colon = header.indexOf(':');
            String prefix = colon < 0 ? "" : header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            if (colon < 0 || VALUED_DIRECTIVES.contains(prefix)) {
                directives.addAll(split(header));
            } else if (prefix.equalsIgnoreCase(agent)) {
                directives.addAll(split(header.substring(colon + 1)));
            }
        }
        boolean none = directives.contains("none");
        return new Page(links, none || directives.contains("noindex"), none || directives.contains("nofollow"));
    }

    /**
     * The page as the indexer should store it. A page whose charset only the Content-Type header
     * names gets a {@code <meta charset>} in front, as the indexer reads a saved page by what the
     * page itself declares and would take it for UTF-8.
     */
    static byte[] forIndex(byte[] html, Optional<String> charset) {
        if (charset.isEmpty() || !isKnownCharset(charset.get())) {
            return html;
        }
        Charset declared = Charset.forName(charset.get());
        String name = declared.name().toUpperCase(Locale.ROOT);
        boolean asciiCompatible = !name.startsWith("UTF-16") && !name.startsWith("UTF-32");
        boolean bom = html.length >= 3 && (html[0] & 0xFF) == 0xEF && (html[1] & 0xFF) == 0xBB
                && (html[2] & 0xFF) == 0xBF;
        String head = new String(html, 0, Math.min(html.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        if (declared.equals(StandardCharsets.UTF_8) || !asciiCompatible || bom || META_CHARSET.matcher(head).find()) {
            return html;
        }
        byte[] meta = ("<meta charset=\"" + declared.name() + "\">\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[meta.length + html.length];
        System.arraycopy(meta, 0, out, 0, meta.length);
        System.arraycopy(html, 0, out, meta.length, html.length);
        return out;
    }

    private static Document parse(byte[] html, Optional<String> charset, URI base) {
        try {
            return Jsoup.parse(new ByteArrayInputStream(html), charset.orElse(null), base.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a page held in memory", e);
        }
    }

    private static List<String> split(String directives) {
        List<String> tokens = new ArrayList<>();
        for (String token : directives.split(",")) {
            String clean = token.strip().toLowerCase(Locale.ROOT);
            if (!clean.isEmpty()) {
                tokens.add(clean);
            }
        }
        return tokens;
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
