package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import java.nio.file.Path;
import java.util.List;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which page hybrid ranking puts first when the rankings or the pages disagree little. */
class FirstPageChoiceTest {
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

    @Test
    void of_two_pages_covering_the_question_alike_the_one_saying_it_in_one_place_goes_first(@TempDir Path dir)
            throws IOException {
        // given two bin pages that both say "batteries" and "blue bin", only one of them together
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "black.md", "General waste", SITE + "/bins/general-waste", "waste",
                "# General waste\n\nYour black bin is emptied every other week.\n\n## What can't go in your black bin\n\n"
                        + "- Anything that can go in your blue bin or food caddy\n- Batteries, paint, oil or chemicals\n"
                        + "- Hot ashes");
        TestCorpus.writePage(corpus, "blue.md", "Recycling collections", SITE + "/bins/recycling", "waste",
                "# Recycling collections\n\nWe empty your recycling bin every other week.\n\n"
                        + "## What can't go in your blue bin\n\n- Batteries and small electrical items\n- Nappies\n- Food");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(corpus, dir.resolve("index"));
        Path generation;
        try (var folders = Files.list(dir.resolve("index"))) {
            generation = folders.filter(Files::isDirectory).filter(folder -> {
                String[] segments = folder.toFile().list((d, name) -> name.startsWith("segments"));
                return segments != null && segments.length > 0;
            }).findFirst().orElseThrow();
        }
        try (TextAnalysis analysis = new TextAnalysis();
             DirectoryReader reader = DirectoryReader.open(FSDirectory.open(generation))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            QueryExpander expander = new QueryExpander(analysis, Synonyms.defaults(analysis));
            String question = "do you take batteries in the blue bin";
            CoverageScorer scorer = CoverageScorer.ofConcepts(expander.expand(question, reader), searcher);
            PageFocus focus = new PageFocus(new PassageSearch(expander, analysis), analysis);
            // ranked with the black bin's page first, both covering the question alike
            List<Passage> ranked = List.of(passage(SITE + "/bins/general-waste"), passage(SITE + "/bins/recycling"));

            // when
            List<Passage> reordered = focus.breakTie(searcher, ranked, scorer);

            // then
            assertThat(reordered).extracting(Passage::url).containsExactly(SITE + "/bins/recycling", SITE + "/bins/general-waste");
            assertThat(focus.breakTie(searcher, List.of(ranked.get(1), ranked.get(0)), scorer)).extracting(Passage::url)
                    .containsExactly(SITE + "/bins/recycling", SITE + "/bins/general-waste");
        }
    }

    private static Passage passage(String url) {
        return new Passage(url + "#1", url, "Page", List.of("Page"), "waste", "text", 1.0, 1.0);
    }
}
