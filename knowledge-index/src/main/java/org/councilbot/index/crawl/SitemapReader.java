package org.councilbot.index.crawl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a sitemap (sitemaps.org): a {@code <urlset>} of page addresses, a {@code <sitemapindex>} of
 * further sitemaps, or a plain text list of addresses; gzipped or not.
 *
 * <p>The XML parser refuses DTDs and external entities: a sitemap is data from the web and must not
 * make the crawler read local files or other addresses.
 */
final class SitemapReader {
    /** The sitemaps.org limit for one sitemap, uncompressed. */
    static final long MAX_BYTES = 50L * 1024 * 1024;

    /** What one sitemap lists. */
    record Sitemap(List<String> pages, List<String> sitemaps) {
        Sitemap {
            pages = List.copyOf(pages);
            sitemaps = List.copyOf(sitemaps);
        }
    }

    private final XMLInputFactory xml;

    SitemapReader() {
        xml = XMLInputFactory.newFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        xml.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    }

    /** @throws IOException when it is neither a sitemap nor a list of addresses, or unpacks to over 50 MB */
    Sitemap read(byte[] bytes) throws IOException {
        byte[] plain = isGzip(bytes) ? gunzip(bytes) : bytes;
        String start = new String(plain, 0, Math.min(plain.length, 512), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        if (start.startsWith("<")) {
            return readXml(plain);
        }
        return readText(new String(plain, StandardCharsets.UTF_8));
    }

    private Sitemap readXml(byte[] bytes) throws IOException {
        List<String> pages = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        XMLStreamReader reader = null;
        try {
            reader = xml.createXMLStreamReader(new ByteArrayInputStream(bytes));
            String root = "";
            String parent = "";
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String name = reader.getLocalName().toLowerCase(Locale.ROOT);
                if (depth == 1) {
                    root = name;
                    if (!root.equals("urlset") && !root.equals("sitemapindex")) {
                        throw new IOException("not a sitemap: its root element is <" + reader.getLocalName() + ">");
                    }
                } else if (depth == 2) {
                    parent = name;
                } else if (depth == 3 && name.equals("loc") && (parent.equals("url") || parent.equals("sitemap"))) {
                    // Only a url's or sitemap's own <loc>: an image extension's <image:loc> is not a page.
                    String loc = reader.getElementText().strip();
                    depth--;
                    if (!loc.isEmpty()) {
                        (parent.equals("sitemap") ? sitemaps : pages).add(loc);
                    }
                }
            }
            if (root.isEmpty()) {
                throw new IOException("not a sitemap: no XML element");
            }
            return new Sitemap(pages, sitemaps);
        } catch (XMLStreamException e) {
            throw new IOException("not well-formed XML: " + e.getMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // Closing a reader over a byte array releases nothing that matters.
                }
            }
        }
    }

    private static Sitemap readText(String text) throws IOException {
        List<String> pages = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String entry = line.strip();
            if (entry.startsWith("http://") || entry.startsWith("https://")) {
                pages.add(entry);
            } else if (!entry.isEmpty()) {
                throw new IOException("neither XML nor a list of addresses (line '" + abbreviate(entry) + "')");
            }
        }
        return new Sitemap(pages, List.of());
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B;
    }

    /** Unpacks at most {@link #MAX_BYTES}, so a small "zip bomb" cannot fill the memory. */
    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (out.size() + (long) n > MAX_BYTES) {
                    throw new IOException("unpacks to more than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
