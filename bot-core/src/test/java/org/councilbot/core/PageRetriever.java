package org.councilbot.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A small real retriever for engine tests: ranks given pages by shared words with the query and
 * reports coverage as the share of the query's words the page contains.
 */
final class PageRetriever implements KnowledgeRetriever {
    private final List<Passage> pages;

    PageRetriever(List<Passage> pages) {
        this.pages = List.copyOf(pages);
    }

    static Passage page(String url, String title, String text) {
        return new Passage(url + "#1", url, title, List.of(title), "test", text, 0, 0);
    }

    @Override
    public List<Passage> retrieve(KnowledgeQuery query) {
        Set<String> asked = Terms.of(query.text());
        List<Passage> ranked = new ArrayList<>();
        for (Passage page : pages) {
            Set<String> words = Terms.of(page.title() + " " + page.text());
            long shared = asked.stream().filter(words::contains).count();
            if (shared > 0) {
                double coverage = asked.isEmpty() ? 0 : (double) shared / asked.size();
                ranked.add(new Passage(page.chunkId(), page.url(), page.title(), page.sectionPath(),
                        page.service(), page.text(), shared, coverage));
            }
        }
        ranked.sort(Comparator.comparingDouble(Passage::score).reversed());
        return ranked.stream().limit(query.limit()).toList();
    }
}
