package org.councilbot.index;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts a page into heading-aware chunks of about a target size.
 *
 * <p>Headings {@code #} to {@code ###} open sections and form the section path; a section longer
 * than the target is split between paragraphs (an over-long paragraph between sentences). Lists,
 * tables and code are never split, even when one alone is over the target, and a lead-in line
 * ("You can recycle:") or a minor heading stays with the block it introduces.
 */
final class MarkdownChunker {

    /**
     * One chunk of a page.
     *
     * @param sectionPath the page title, then the headings down to the chunk's own
     * @param text        the chunk's Markdown body, without its headings
     */
    record PageChunk(List<String> sectionPath, String text) {
        PageChunk {
            sectionPath = List.copyOf(sectionPath);
        }
    }

    private static final int SECTION_LEVELS = 3;
    private static final Set<MarkdownBlocks.Kind> WHOLE =
            Set.of(MarkdownBlocks.Kind.LIST, MarkdownBlocks.Kind.TABLE, MarkdownBlocks.Kind.CODE);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\S)");

    private record Heading(int level, String text) {
    }

    private final int targetChars;

    MarkdownChunker(int targetChars) {
        this.targetChars = targetChars;
    }

    List<PageChunk> chunk(String title, String markdown) {
        List<PageChunk> chunks = new ArrayList<>();
        Deque<Heading> headings = new ArrayDeque<>();
        List<MarkdownBlocks.Block> section = new ArrayList<>();
        for (MarkdownBlocks.Block block : MarkdownBlocks.parse(markdown)) {
            if (block.kind() == MarkdownBlocks.Kind.HEADING && block.level() <= SECTION_LEVELS) {
                addSection(path(title, headings), section, chunks);
                section.clear();
                while (!headings.isEmpty() && headings.peekLast().level() >= block.level()) {
                    headings.removeLast();
                }
                headings.addLast(new Heading(block.level(), block.text()));
            } else {
                section.add(block);
            }
        }
        addSection(path(title, headings), section, chunks);
        return chunks;
    }

    private static List<String> path(String title, Deque<Heading> headings) {
        List<String> path = new ArrayList<>();
        path.add(title);
        for (Heading heading : headings) {
            // A page's own "# Title" heading repeats the title; the path should not.
            if (!heading.text().isBlank() && !heading.text().equalsIgnoreCase(path.get(path.size() - 1))) {
                path.add(heading.text());
            }
        }
        return path;
    }

    private void addSection(List<String> path, List<MarkdownBlocks.Block> blocks, List<PageChunk> chunks) {
        StringBuilder current = new StringBuilder();
        for (String unit : units(blocks)) {
            if (!current.isEmpty() && current.length() + 2 + unit.length() > targetChars) {
                chunks.add(new PageChunk(path, current.toString()));
                current.setLength(0);
            }
            if (!current.isEmpty()) {
                current.append("\n\n");
            }
            current.append(unit);
        }
        if (!current.isEmpty()) {
            chunks.add(new PageChunk(path, current.toString()));
        }
    }

    /** The pieces a section may be split between, lead-ins already joined to what they introduce. */
    private List<String> units(List<MarkdownBlocks.Block> blocks) {
        List<String> units = new ArrayList<>();
        String lead = "";
        for (int i = 0; i < blocks.size(); i++) {
            MarkdownBlocks.Block block = blocks.get(i);
            if (i + 1 < blocks.size() && isLead(block, blocks.get(i + 1))) {
                lead = join(lead, block.text());
                continue;
            }
            for (String piece : pieces(block)) {
                units.add(join(lead, piece));
                lead = "";
            }
        }
        if (!lead.isEmpty()) {
            units.add(lead);
        }
        return units;
    }

    private static boolean isLead(MarkdownBlocks.Block block, MarkdownBlocks.Block next) {
        return block.kind() == MarkdownBlocks.Kind.HEADING
                || (block.kind() == MarkdownBlocks.Kind.PARAGRAPH && block.text().endsWith(":") && WHOLE.contains(next.kind()));
    }

    private List<String> pieces(MarkdownBlocks.Block block) {
        if (block.kind() != MarkdownBlocks.Kind.PARAGRAPH || block.text().length() <= targetChars) {
            return List.of(block.text());
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : SENTENCE_END.split(block.text())) {
            if (!piece.isEmpty() && piece.length() + 1 + sentence.length() > targetChars) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            if (!piece.isEmpty()) {
                piece.append(' ');
            }
            piece.append(sentence);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    private static String join(String lead, String text) {
        return lead.isEmpty() ? text : lead + "\n\n" + text;
    }
}
