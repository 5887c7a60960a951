package org.councilbot.index;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a saved council web page: its main content only (no navigation, banners, breadcrumbs or
 * footers), its title, its url and, when the page declares them, its service area and last update.
 *
 * <p>The url is the page's canonical link unless the caller knows where the page was fetched from
 * (a crawled page's {@code .url} sidecar), which then wins: a crawler records the address it
 * actually fetched, while a CMS's canonical link can be stale or point at a staging host.
 */
final class HtmlPageReader {
    private static final int CHARSET_SNIFF_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*");
    private static final List<String> TITLE_SEPARATORS = List.of(" - ", " | ", " \u2013 ", " \u2014 ");

    private final HtmlMainContent mainContent = new HtmlMainContent();

    /** Reads a page cited by its {@code <link rel="canonical">}. */
    SourcePage read(Path file, byte[] bytes) throws SourceRejected {
        Document html = Jsoup.parse(decode(bytes), "");
        return read(file, html, canonicalUrl(html));
    }

    /** Reads a page cited by {@code url}, whatever its canonical link says. */
    SourcePage read(Path file, byte[] bytes, String url) throws SourceRejected {
        return read(file, Jsoup.parse(decode(bytes), ""), url);
    }

    private SourcePage read(Path file, Document html, String url) throws SourceRejected {
        String markdown = mainContent.markdown(html);
        if (markdown.isBlank()) {
            throw new SourceRejected("HTML page has no text in its main content");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("title", title(html));
        fields.put("url", url);
        fields.put("service", firstMeta(html, "dcterms.subject", "service"));
        String updated = firstMeta(html, "dcterms.modified", "article:modified_time");
        if (DATE.matcher(updated).matches()) {
            fields.put("updated", updated);
        }
        return SourcePage.of(file, fields, markdown);
    }

    /** Decodes with the charset the page declares (BOM or meta tag), UTF-8 when it declares none. */
    private static String decode(byte[] bytes) throws SourceRejected {
        Charset charset = declaredCharset(bytes);
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SourceRejected("not valid " + charset.name() + " text; save the page as UTF-8"
                    + " or declare its charset in a <meta charset> tag");
        }
    }

    private static Charset declaredCharset(byte[] bytes) throws SourceRejected {
        String head = new String(bytes, 0, Math.min(bytes.length, CHARSET_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        if (!meta.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(meta.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SourceRejected("declares an unknown charset '" + meta.group(1) + "'");
        }
    }

    private static String canonicalUrl(Document html) throws SourceRejected {
        Element canonical = null;
        for (Element link : html.select("link[rel][href]")) {
            if (List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("canonical")) {
                canonical = link;
                break;
            }
        }
        if (canonical == null || canonical.attr("href").isBlank()) {
            throw new SourceRejected("no canonical url: add <link rel=\"canonical\" href=\"https://...\"> to the page's <head>");
        }
        String href = canonical.attr("href").strip();
        String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceRejected("canonical url must be an absolute http(s) address, was '" + href + "'");
        }
        return href;
    }

    /** The {@code <title>}, without a " - Council name" suffix when the page's h1 is the part before it. */
    private static String title(Document html) throws SourceRejected {
        Element h1Element = html.selectFirst("h1");
        String h1 = h1Element == null ? "" : h1Element.text().strip();
        String title = html.title().strip();
        if (title.isEmpty()) {
            if (h1.isEmpty()) {
                throw new SourceRejected("page has neither a <title> nor an <h1>");
            }
            return h1;
        }
        if (!h1.isEmpty()) {
            for (String separator : TITLE_SEPARATORS) {
                for (int at = title.lastIndexOf(separator); at > 0; at = title.lastIndexOf(separator, at - 1)) {
                    if (title.substring(0, at).strip().equalsIgnoreCase(h1)) {
                        return title.substring(0, at).strip();
                    }
                }
            }
        }
        return title;
    }

    /** The content of the first {@code <meta>} named (by name or property) one of {@code names}, in their order. */
    private static String firstMeta(Document html, String... names) {
        for (String name : names) {
            for (Element meta : html.select("meta[content]")) {
                boolean named = meta.attr("name").equalsIgnoreCase(name) || meta.attr("property").equalsIgnoreCase(name);
                if (named && !meta.attr("content").isBlank()) {
                    return meta.attr("content").strip();
                }
            }
        }
        return "";
    }
}
