package org.councilbot.index;

/**
 * How a corpus is turned into an index.
 *
 * @param targetChunkChars the size a long section is split towards, at paragraph boundaries; a
 *                         table, list or code block larger than this stays whole
 */
public record IndexSettings(int targetChunkChars) {
    static final int MIN_CHUNK_CHARS = 200;
    static final int MAX_CHUNK_CHARS = 20_000;

    public IndexSettings {
        if (targetChunkChars < MIN_CHUNK_CHARS || targetChunkChars > MAX_CHUNK_CHARS) {
            throw new IllegalArgumentException("target-chunk-chars must be between " + MIN_CHUNK_CHARS
                    + " and " + MAX_CHUNK_CHARS + ", was " + targetChunkChars);
        }
    }

    /**
     * About 1000 characters: one or two paragraphs, enough for an answer with its context, small
     * enough that a chunk stays on one topic and fits a small embedding model's window.
     */
    public static IndexSettings defaults() {
        return new IndexSettings(1000);
    }
}
