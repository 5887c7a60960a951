package org.councilbot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds a page's main content and writes it in the Markdown-like form the chunker reads: headings
 * as {@code #} lines, paragraphs, list items as {@code - } lines, table rows as {@code |} lines and
 * links as {@code text (url)}.
 *
 * <p>The main content is {@code <main>}, else {@code [role=main]}, else {@code <article>}, else the
 * body; in any of them navigation, scripts, forms and elements whose id, class or aria-label say
 * cookie, banner, breadcrumb, menu, footer, share and the like are left out.
 */
final class HtmlMainContent {
    private static final String ALWAYS_REMOVED = "nav, aside, script, style, noscript, form, iframe, template, svg,"
            + " button, [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=search], [role=complementary]";
    private static final String OUTSIDE_MAIN_REMOVED = "header, footer";
    private static final Pattern NOISE = Pattern.compile(
            "(?:^|[\\s_\\-])(?:cookies?|consent|banner|breadcrumbs?|skip-?links?|skip|menu|menus|nav|navbar"
                    + "|navigation|footer|social|share|sharing|share-?links)(?:[\\s_\\-]|$)");
    private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "dd", "details", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
            "main", "ol", "p", "pre", "section", "summary", "table", "ul", "caption");

    String markdown(Document html) {
        Element root = mainElement(html);
        if (root == null) {
            return "";
        }
        boolean wholeBody = root == html.body();
        Element content = root.clone();
        content.select(ALWAYS_REMOVED).remove();
        if (wholeBody) {
            content.select(OUTSIDE_MAIN_REMOVED).remove();
        } else {
            // Inside <main> a <header> usually holds the page's h1; only a footer is furniture there.
            content.select("footer").remove();
        }
        removeNoise(content);
        List<String> blocks = new ArrayList<>();
        new Writer(blocks).container(content);
        return String.join("\n\n", blocks);
    }

    private static Element mainElement(Document html) {
        for (String selector : List.of("main", "[role=main]", "article")) {
            Element found = html.selectFirst(selector);
            if (found != null) {
                return found;
            }
        }
        return html.body();
    }

    private static void removeNoise(Element content) {
        for (Element element : content.getAllElements()) {
            if (element != content && element.parent() != null && isNoise(element) && !holdsMainContent(element)) {
                element.remove();
            }
        }
    }

    /** A wrapper whose class merely mentions a menu ("has-sidebar-nav") must not take the page with it. */
    private static boolean holdsMainContent(Element element) {
        return !element.select("h1, main, article, [role=main]").isEmpty();
    }

    private static boolean isNoise(Element element) {
        String words = String.join(" ", element.id(), element.className(), element.attr("aria-label"))
                .toLowerCase(Locale.ROOT);
        return !words.isBlank() && NOISE.matcher(words).find();
    }

    /** Walks the content, collecting its blocks; one instance per page. */
    private static final class Writer {
        private final List<String> blocks;
        private final StringBuilder paragraph = new StringBuilder();

        Writer(List<String> blocks) {
            this.blocks = blocks;
        }

        void container(Element element) {
            for (Node child : element.childNodes()) {
                if (child instanceof Element el && BLOCKS.contains(el.normalName())) {
                    flushParagraph();
                    block(el);
                } else {
                    paragraph.append(inline(child));
                }
            }
            flushParagraph();
        }

        private void block(Element element) {
            String name = element.normalName();
            switch (name) {
                case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                    String text = oneLine(inline(element));
                    if (!text.isEmpty()) {
                        blocks.add("#".repeat(name.charAt(1) - '0') + " " + text);
                    }
                }
                case "ul", "ol" -> {
                    List<String> lines = new ArrayList<>();
                    list(element, 0, lines);
                    if (!lines.isEmpty()) {
                        blocks.add(String.join("\n", lines));
                    }
                }
                case "table" -> table(element);
                case "pre" -> {
                    String code = element.wholeText().stripTrailing();
                    if (!code.isBlank()) {
                        blocks.add("```\n" + code.replace("```", "'''") + "\n```");
                    }
                }
                case "hr" -> {
                    // a rule separates nothing the chunker needs
                }
                default -> container(element);
            }
        }

        private void list(Element list, int depth, List<String> lines) {
            for (Element item : list.children()) {
                if (!item.normalName().equals("li")) {
                    continue;
                }
                StringBuilder text = new StringBuilder();
                List<Element> nested = new ArrayList<>();
                for (Node child : item.childNodes()) {
                    if (child instanceof Element el && (el.normalName().equals("ul") || el.normalName().equals("ol"))) {
                        nested.add(el);
                    } else {
                        text.append(' ').append(inline(child));
                    }
                }
                String line = oneLine(text.toString());
                if (!line.isEmpty()) {
                    lines.add("  ".repeat(depth) + "- " + line);
                }
                for (Element sub : nested) {
                    list(sub, line.isEmpty() ? depth : depth + 1, lines);
                }
            }
        }

        private void table(Element table) {
            List<String> rows = new ArrayList<>();
            Element caption = table.selectFirst("> caption");
            if (caption != null && !oneLine(inline(caption)).isEmpty()) {
                blocks.add(oneLine(inline(caption)) + ":");
            }
            for (String section : List.of("thead", "tbody", "tfoot")) {
                for (Element row : table.select("> " + section + " > tr")) {
                    List<String> cells = new ArrayList<>();
                    for (Element cell : row.children()) {
                        if (cell.normalName().equals("th") || cell.normalName().equals("td")) {
                            cells.add(oneLine(inline(cell)));
                        }
                    }
                    if (cells.stream().anyMatch(cell -> !cell.isEmpty())) {
                        rows.add("| " + String.join(" | ", cells) + " |");
                    }
                }
            }
            if (!rows.isEmpty()) {
                blocks.add(String.join("\n", rows));
            }
        }

        private void flushParagraph() {
            String text = oneLine(paragraph.toString());
            paragraph.setLength(0);
            if (!text.isEmpty()) {
                blocks.add(MarkdownEscape.lineStart(text));
            }
        }

        /** The escaped inline text of a node; links become {@code text (url)}. */
        private static String inline(Node node) {
            if (node instanceof TextNode text) {
                return MarkdownEscape.inline(text.getWholeText());
            }
            if (!(node instanceof Element element)) {
                return "";
            }
            return switch (element.normalName()) {
                case "br" -> " ";
                case "img" -> "";
                case "a" -> link(element);
                // Kept as Markdown bold, which the chunker strips from the text and records as emphasis.
                case "strong", "b" -> {
                    StringBuilder out = new StringBuilder();
                    for (Node child : element.childNodes()) {
                        out.append(inline(child));
                    }
                    String inner = out.toString();
                    String text = oneLine(inner);
                    // Spaces inside the element stay outside the markers, where Markdown needs them.
                    yield text.isEmpty() ? inner : (inner.startsWith(text) ? "" : " ") + "**" + text + "**"
                            + (inner.endsWith(text) ? "" : " ");
                }
                default -> {
                    StringBuilder out = new StringBuilder();
                    for (Node child : element.childNodes()) {
                        out.append(inline(child));
                    }
                    // Block-level children inside inline content still separate words.
                    yield BLOCKS.contains(element.normalName()) ? " " + out + " " : out.toString();
                }
            };
        }

        private static String link(Element anchor) {
            StringBuilder label = new StringBuilder();
            for (Node child : anchor.childNodes()) {
                label.append(inline(child));
            }
            String text = oneLine(label.toString());
            String href = anchor.attr("href").strip();
            String lower = href.toLowerCase(Locale.ROOT);
            String address;
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                address = href;
            } else if (lower.startsWith("mailto:") || lower.startsWith("tel:")) {
                address = href.substring(href.indexOf(':') + 1);
            } else {
                String absolute = anchor.absUrl("href");
                address = absolute.startsWith("http") ? absolute : "";
            }
            if (address.isEmpty() || text.equalsIgnoreCase(MarkdownEscape.inline(address))) {
                return text.isEmpty() ? MarkdownEscape.inline(address) : text;
            }
            return text.isEmpty() ? address : text + " (" + address + ")";
        }

        private static String oneLine(String text) {
            return text.replaceAll("[\\s\\u00A0]+", " ").strip();
        }
    }
}
