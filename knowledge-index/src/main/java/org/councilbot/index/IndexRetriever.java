package org.councilbot.index;

import java.util.List;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;

/** One way of ranking the passages of a {@link LuceneKnowledgeIndex}, offered as a retriever of its own. */
final class IndexRetriever implements KnowledgeRetriever {
    private final LuceneKnowledgeIndex index;
    private final RetrievalMode mode;

    IndexRetriever(LuceneKnowledgeIndex index, RetrievalMode mode) {
        this.index = index;
        this.mode = mode;
    }

    @Override
    public List<Passage> retrieve(KnowledgeQuery query) {
        return index.search(mode, query);
    }

    @Override
    public List<Passage> pagePassages(String url) {
        return index.pagePassages(url);
    }

    @Override
    public String name() {
        return mode.label();
    }
}
