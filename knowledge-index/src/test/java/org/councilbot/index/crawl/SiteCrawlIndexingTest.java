package org.councilbot.index.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.councilbot.index.IndexBuildReport;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.LuceneKnowledgeIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site crawled into a folder and indexed from it, as {@code councilbot index --site} does. */
class SiteCrawlIndexingTest {
    @TempDir
    Path work;

    private final KnowledgeIndexer indexer = KnowledgeIndexer.create(IndexSettings.defaults());

    @Test
    void answers_from_crawled_pages_citing_their_real_addresses() throws IOException {
        try (TestSite site = TestSite.start(); TestSite elsewhere = TestSite.start()) {
            // given
            EastbrookSite.withSitemaps(site, elsewhere);
            Path folder = work.resolve("crawl").resolve(SiteCrawler.folderName(site.url("/")));
            CrawlReport crawl = SiteCrawler.create(SiteCrawlerTest.settings().build()).crawl(site.url("/"), folder,
                    line -> { });

            // when
            IndexBuildReport built = indexer.build(folder, work.resolve("index"));

            // then every saved page is indexed, and nothing of the crawl's own files is taken for a page
            assertThat(built.pages()).isEqualTo(crawl.fetched()).isEqualTo(EastbrookSite.SAVED.size());
            assertThat(built.skipped()).isEmpty();
            try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("index"))) {
                KnowledgeRetriever bm25 = index.retrievers().get("bm25");
                assertThat(bm25.retrieve(KnowledgeQuery.of("report a missed bin", 1))).singleElement()
                        .satisfies(passage -> {
                            assertThat(passage.url()).isEqualTo(site.url("/bins/missed-bin").toString());
                            assertThat(passage.title()).isEqualTo("Report a missed bin");
                            assertThat(passage.text()).contains("within two working days");
                        });
                // Reached through a redirect: cited at the address it was found at.
                assertThat(bm25.retrieve(KnowledgeQuery.of("library opening hours Saturday", 1))).singleElement()
                        .extracting(Passage::url).isEqualTo(site.url("/libraries/opening-hours").toString());
                // From the gzipped sitemap; a PDF's passage is cited at its page.
                assertThat(bm25.retrieve(KnowledgeQuery.of("textiles clothing bank", 1))).singleElement()
                        .extracting(Passage::url).isEqualTo(site.url("/docs/recycling-guide.pdf") + "#page=2");
                assertThat(bm25.retrieve(KnowledgeQuery.of("staff rota internal", 5)))
                        .noneMatch(passage -> passage.url().contains("/private/"));
            }
        }
    }

    @Test
    void a_page_taken_down_disappears_from_the_index_after_the_next_crawl() throws IOException {
        try (TestSite site = TestSite.start(); TestSite elsewhere = TestSite.start()) {
            // given a crawl and an index with the discounts page
            EastbrookSite.withoutSitemap(site, elsewhere);
            Path folder = work.resolve("crawl");
            SiteCrawler crawler = SiteCrawler.create(SiteCrawlerTest.settings().delay(Duration.ofMillis(5)).build());
            crawler.crawl(site.url("/"), folder, line -> { });
            indexer.build(folder, work.resolve("index"));
            String discounts = site.url("/council-tax/discounts").toString();
            try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("index"))) {
                assertThat(index.retrieve(KnowledgeQuery.of("single person discount", 3)))
                        .extracting(Passage::url).contains(discounts);
            }

            // when the page is taken down, then the site is crawled and indexed again
            site.remove("/council-tax/discounts");
            CrawlReport recrawl = crawler.crawl(site.url("/"), folder, line -> { });
            IndexBuildReport rebuilt = indexer.build(folder, work.resolve("index"));

            // then
            assertThat(recrawl.count(CrawlOutcome.Kind.REMOVED)).isOne();
            // The nine pages links lead to (the eight of the sitemap and the contact page), less the one taken down.
            assertThat(rebuilt.pages()).isEqualTo(8);
            try (LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(work.resolve("index"))) {
                assertThat(index.retrieve(KnowledgeQuery.of("single person discount", 3)))
                        .extracting(Passage::url).doesNotContain(discounts);
                assertThat(index.pagePassages(discounts)).isEmpty();
            }
        }
    }
}
