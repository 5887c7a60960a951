package org.councilbot.index;

/**
 * Logs one line per tenth of the corpus read, measured in bytes so that one large
 * {@code corpus.jsonl} reports progress as smoothly as many small pages.
 */
final class BuildProgress {
    private static final System.Logger LOG = System.getLogger(KnowledgeIndexer.class.getName());

    private final long totalBytes;
    private long doneBytes;
    private int loggedTenths;

    BuildProgress(long totalBytes) {
        this.totalBytes = totalBytes;
    }

    void advance(long bytes, int pages, int chunks) {
        doneBytes += bytes;
        if (totalBytes <= 0) {
            return;
        }
        int tenths = (int) Math.min(10, doneBytes * 10 / totalBytes);
        if (tenths > loggedTenths) {
            loggedTenths = tenths;
            LOG.log(System.Logger.Level.INFO, "Indexing: " + tenths * 10 + "% of the corpus read, "
                    + pages + " pages, " + chunks + " chunks so far");
        }
    }
}
