package org.councilbot.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text a chunk is embedded from, and the key under which its vector can be reused.
 *
 * <p>The chunk alone often does not say what it is about ("It costs £35 a year"), so its page
 * title and headings go first. Markdown markup (table pipes and rules, emphasis, heading marks) is
 * dropped: it means nothing to the model and would use up its window. The text is then cut, at a
 * word, to about the model's window of 256 word pieces; the model would otherwise average the
 * windows of a long table into a vector that matches nothing well.
 */
final class EmbeddingText {
    /** About 256 word pieces of English council prose. */
    static final int MAX_CHARS = 1000;

    private static final Pattern MARKUP = Pattern.compile("[|*_#>`]+|-{3,}|:?-{2,}:?");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private EmbeddingText() {
    }

    /** Title and headings, then the chunk's text, space-separated, without markup and cut to the window. */
    static String of(MarkdownChunker.PageChunk chunk) {
        String text = String.join("\n", chunk.sectionPath()) + "\n" + chunk.text();
        return trimmed(plain(text), MAX_CHARS);
    }

    /** A key that changes when the embedded text or the model does; equal keys can share a vector. */
    static String key(String model, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(model.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    static String plain(String markdown) {
        String plain = SPACE.matcher(MARKUP.matcher(markdown).replaceAll(" ")).replaceAll(" ").strip();
        // A text of markup only still needs something to embed; keep it as written.
        return plain.isEmpty() ? markdown.strip() : plain;
    }

    static String trimmed(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > maxChars / 2 ? cut : maxChars);
    }
}
