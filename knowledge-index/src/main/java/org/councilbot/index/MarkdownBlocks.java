package org.councilbot.index;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Markdown body into the blocks chunking works with: headings, paragraphs, and lists,
 * tables and code that must never be cut in two.
 *
 * <p>Deliberately a small line-based reader, not a full CommonMark parser: council pages use a
 * narrow slice of Markdown, and what matters here is where blocks start and end.
 */
final class MarkdownBlocks {

    enum Kind { HEADING, PARAGRAPH, LIST, TABLE, CODE }

    /**
     * One block of a page.
     *
     * @param level heading level 1..6 for headings, 0 otherwise
     * @param text  cleaned text; list items and table rows one per line
     */
    record Block(Kind kind, int level, String text) {
    }

    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern RULE = Pattern.compile("^ {0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)([-*+]|\\d{1,9}[.)])\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern QUOTE = Pattern.compile("^ {0,3}>\\s?");

    private MarkdownBlocks() {
    }

    static List<Block> parse(String markdown) {
        return new Reader().read(markdown);
    }

    /** Holds the block being built while lines are read; one instance per parse. */
    private static final class Reader {
        private final List<Block> blocks = new ArrayList<>();
        private final List<String> lines = new ArrayList<>();
        private Kind open;
        private String fence = "";
        private boolean blankInList;

        List<Block> read(String markdown) {
            for (String raw : markdown.split("\r?\n|\r", -1)) {
                readLine(raw.replace('\t', ' '));
            }
            if (open == Kind.CODE) {
                flush();
            }
            flush();
            return blocks;
        }

        private void readLine(String line) {
            if (open == Kind.CODE) {
                if (line.strip().startsWith(fence)) {
                    flush();
                } else {
                    lines.add(line);
                }
                return;
            }
            Matcher fenceStart = FENCE.matcher(line);
            if (fenceStart.find()) {
                flush();
                open = Kind.CODE;
                fence = fenceStart.group(1);
                return;
            }
            if (line.isBlank()) {
                if (open == Kind.LIST) {
                    blankInList = true;
                } else {
                    flush();
                }
                return;
            }
            if (open == Kind.PARAGRAPH && lines.size() == 1 && SETEXT_UNDERLINE.matcher(line).matches()) {
                String heading = lines.get(0);
                lines.clear();
                open = null;
                blocks.add(new Block(Kind.HEADING, line.strip().startsWith("=") ? 1 : 2, InlineMarkdown.clean(heading.strip())));
                return;
            }
            Matcher heading = ATX_HEADING.matcher(line);
            if (heading.matches()) {
                flush();
                blocks.add(new Block(Kind.HEADING, heading.group(1).length(), InlineMarkdown.clean(heading.group(2).strip())));
                return;
            }
            if (RULE.matcher(line).matches()) {
                flush();
                return;
            }
            if (line.strip().startsWith("|")) {
                continueWith(Kind.TABLE);
                lines.add(InlineMarkdown.clean(line.strip()));
                return;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches()) {
                continueWith(Kind.LIST);
                blankInList = false;
                String marker = item.group(2).matches("\\d.*") ? item.group(2) : "-";
                lines.add(item.group(1) + marker + " " + InlineMarkdown.clean(item.group(3).strip()));
                return;
            }
            if (open == Kind.LIST && (!blankInList || line.startsWith("  "))) {
                // A continuation of the last item (wrapped text, or an indented paragraph in a loose list).
                int last = lines.size() - 1;
                lines.set(last, lines.get(last) + " " + InlineMarkdown.clean(line.strip()));
                blankInList = false;
                return;
            }
            continueWith(Kind.PARAGRAPH);
            lines.add(QUOTE.matcher(line).replaceFirst("").strip());
        }

        private void continueWith(Kind kind) {
            if (open != kind) {
                flush();
                open = kind;
            }
        }

        private void flush() {
            if (open != null && !lines.isEmpty()) {
                String text = switch (open) {
                    case PARAGRAPH -> InlineMarkdown.clean(String.join(" ", lines));
                    case CODE -> String.join("\n", lines).stripTrailing();
                    default -> String.join("\n", lines);
                };
                if (!text.isBlank()) {
                    blocks.add(new Block(open, 0, text));
                }
            }
            lines.clear();
            open = null;
            fence = "";
            blankInList = false;
        }
    }
}
