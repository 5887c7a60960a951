package org.councilbot.index;

/** Receives what {@link CorpusReader} finds, in corpus order. */
interface CorpusSink {

    void page(SourcePage page);

    void skipped(SkippedFile skipped);

    /** Another {@code bytes} of the corpus have been read; drives progress reporting. */
    void progressed(long bytes);
}
