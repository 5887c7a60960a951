package org.councilbot.index;

import java.util.ArrayList;
import java.util.List;

/** A corpus sink that keeps what the reader hands it, for reader tests. */
final class CollectedCorpus implements CorpusSink {
    final List<SourcePage> pages = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();
    long bytes;

    @Override
    public void page(SourcePage page) {
        pages.add(page);
    }

    @Override
    public void skipped(SkippedFile file) {
        skipped.add(file);
    }

    @Override
    public void progressed(long bytes) {
        this.bytes += bytes;
    }
}
