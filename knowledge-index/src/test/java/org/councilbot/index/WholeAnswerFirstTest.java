package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hybrid ranking puts first the page that says every topic word, over a page only about the subject in general. */
class WholeAnswerFirstTest {
    private static final String SITE = "https://www.testvale.example.gov.uk";

    @Test
    void the_page_with_the_area_asked_about_beats_a_general_page_on_the_subject(@TempDir Path dir) throws IOException {
        // given a general page about garden waste bins and a table of collection days by area
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "garden.md", "Garden waste", SITE + "/bins/garden-waste", "waste",
                "# Garden waste\n\nWhat day are garden waste bins collected? We collect brown garden bins every other week, "
                        + "on the same day as your other bins. Put your bin out by 7am on collection day.");
        TestCorpus.writePage(corpus, "days.md", "Collection days", SITE + "/bins/collection-days", "waste",
                "# Collection days\n\nWe empty bins on the same day each week:\n\n| Area | Day |\n|---|---|\n| Kestle Green | Tuesday |\n| Saltmoor | Wednesday |\n"
                        + "| Netherwick | Thursday |\n| Ashby Fold | Friday |");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(corpus, dir.resolve("index"));

        // when
        try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(dir.resolve("index"))) {
            List<Passage> passages = index.retrieve(KnowledgeQuery.of("what day are bins collected in kestle green", 5));

            // then
            assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/collection-days");
        }
    }
}
