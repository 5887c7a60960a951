package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import java.nio.file.Path;
import java.util.List;
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

        // when
        List<Passage> passages = TestCorpus.indexAndRetrieve(dir, "what day are bins collected in kestle green");

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/collection-days");
    }

    @Test
    void a_page_saying_the_whole_question_in_one_place_beats_pages_that_repeat_part_of_it(@TempDir Path dir)
            throws IOException {
        // given register pages that say "certificate" and "cost" often, and a planning page that
        // names the certificate asked about once, beside its fee
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "birth.md", "Register a birth", SITE + "/register/birth", "registration",
                "# Register a birth\n\nThe law says a birth must be registered within 42 days.\n\n## Certificate costs\n\n"
                        + "A short certificate is free. A full certificate costs £11 at the appointment. "
                        + "Certificates ordered later cost £11, or £35 for a certificate sent the next day.");
        TestCorpus.writePage(corpus, "bins.md", "Bin collections", SITE + "/bins/collections", "waste",
                "# Bin collections\n\nWe collect bins every other week. A new bin costs £30.");
        TestCorpus.writePage(corpus, "parks.md", "Car parks", SITE + "/parking/car-parks", "parking",
                "# Car parks\n\nLong stay car parks cost £6 a day.");
        TestCorpus.writePage(corpus, "plan.md", "Local plan", SITE + "/planning/local-plan", "planning",
                "# Local plan\n\nThe local plan sets out where development will happen until 2040.");
        TestCorpus.writePage(corpus, "death.md", "Register a death", SITE + "/register/death", "registration",
                "# Register a death\n\nBy law a death is registered within 5 days.\n\n## Death certificates\n\n"
                        + "Each certificate costs £11. Order extra certificates at the appointment: they cost more later.");
        TestCorpus.writePage(corpus, "planning.md", "Planning applications", SITE + "/planning/apply", "planning",
                "# Planning applications\n\nYou need permission for most new buildings and extensions.\n\n"
                        + "## Is permission needed?\n\nSmall projects may be permitted development. If you are unsure, apply for a "
                        + "**lawful development certificate** (fee £258), which confirms in law that your project needs no application.\n\n"
                        + "## Application fees\n\n| Application | Fee |\n|---|---|\n| Householder | £528 |\n| New home | £624 |");

        // when
        List<Passage> passages = TestCorpus.indexAndRetrieve(dir, "lawful development certificate cost");

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/planning/apply");
    }

    @Test
    void a_page_saying_every_word_only_scattered_does_not_jump_ahead(@TempDir Path dir) throws IOException {
        // given the missed bin page, which does not say "long", and a long page that says every
        // word of the question, each in a different place, among pages that say "long" and "report"
        Path corpus = dir.resolve("corpus");
        TestCorpus.writePage(corpus, "missed.md", "Missed bin collections", SITE + "/bins/missed", "waste",
                "# Missed bin collections\n\nIf we missed your bin, report it within 2 working days of your collection day. "
                        + "We will return to empty it within 3 working days.");
        TestCorpus.writePage(corpus, "cars.md", "Abandoned vehicles", SITE + "/roads/abandoned-vehicles", "roads",
                "# Abandoned vehicles\n\nA car parked in one place for a long time is not always abandoned.\n\n"
                        + "## How to report one\n\nTell us the make, colour and where it is parked.\n\n"
                        + "## What happens next\n\nWe check the car within 5 days. If we missed anything, we contact you. "
                        + "Please do not put notes on the car or block it in with a wheelie bin.");
        TestCorpus.writePage(corpus, "parks.md", "Car parks", SITE + "/parking/car-parks", "parking",
                "# Car parks\n\nShort stay car parks cost £2 an hour. Report a broken ticket machine to the parking team.");
        TestCorpus.writePage(corpus, "decisions.md", "Planning decisions", SITE + "/planning/decisions", "planning",
                "# Planning decisions\n\nHow long a decision takes depends on the application: 8 weeks for most.");
        TestCorpus.writePage(corpus, "potholes.md", "Report a pothole", SITE + "/roads/potholes", "roads",
                "# Report a pothole\n\nReport a pothole online. Tell us how wide and how deep it is.");
        TestCorpus.writePage(corpus, "library.md", "Library loans", SITE + "/libraries/loans", "libraries",
                "# Library loans\n\nYou can borrow books for 3 weeks.");

        // when
        List<Passage> passages = TestCorpus.indexAndRetrieve(dir, "how long have I got to report a missed bin");

        // then
        assertThat(passages.get(0).url()).isEqualTo(SITE + "/bins/missed");
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
