package org.councilbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.Passage;

/**
 * Runs one question against one index generation and returns passages with their coverage.
 *
 * <p>Whatever ranks the chunks (BM25, vector similarity or their fusion), coverage is measured the
 * same lexical way, so the engine's "I don't know" floor means the same for every mode. At most
 * {@value #MAX_CHUNKS_PER_PAGE} chunks per page are returned, so one long page cannot crowd out the
 * other pages the engine could offer as "closest pages".
 *
 * <p>Hybrid ranking fuses the BM25 and vector rankings of chunks by reciprocal rank, the vector
 * ranking weighing twice as much ({@link #HYBRID}). The BM25 side holds only chunks that match a
 * topic term of the question (matching "where can I ... my" says nothing about a chunk), and its
 * first {@value #COVERAGE_RERANK_DEPTH} are re-ranked by score × ({@value #COVERAGE_BASE} + the
 * coverage of their page) before fusion, so a chunk whose page answers the whole question goes
 * ahead of one that only repeats its rarest word. Measured on the demo suite (181 answer turns):
 * weights from 1:4 to 3:5 (BM25:vector) did about equally well and better than 1:1 or anything
 * favouring BM25, 1:2 being the middle; the re-ranking raised recall@1 from 0.883 to 0.896 and
 * nDCG@10 from 0.955 to 0.962, about the same for any base from 0.25 to 2 and depth 20 or 50;
 * re-ranking the fused list instead made it worse (nDCG@10 0.949).
 */
final class PassageSearch {
    static final int MAX_CHUNKS_PER_PAGE = 2;
    /** Hits fetched per passage wanted, to leave room for the per-page cap and for fusion. */
    private static final int OVERFETCH = 10;
    private static final int MAX_HITS = 10_000;

    // A page longer than this many chunks is quoted from its first ones only.
    private static final int MAX_CHUNKS_OF_A_PAGE = 500;

    static final RankFusion HYBRID = new RankFusion(60, 0.5, 1.0);
    static final int COVERAGE_RERANK_DEPTH = 20;
    static final double COVERAGE_BASE = 0.5;
    static final double WHOLE_ANSWER_LEAD = 0.25;
    static final int WHOLE_ANSWER_PAGES = 3;
    private static final Set<String> URL_ONLY = Set.of(IndexSchema.URL);

    private final QueryExpander expander;
    private final PageFocus focus;

    PassageSearch(QueryExpander expander, TextAnalysis analysis) {
        this.expander = expander;
        this.focus = new PageFocus(this, analysis);
    }

    /**
     * Passages best first.
     *
     * @param questionVector the question's embedding, asked for only by the modes that use it
     */
    List<Passage> search(RetrievalMode mode, IndexSearcher searcher, KnowledgeQuery query,
                         Supplier<float[]> questionVector) throws IOException {
        List<QueryConcept> concepts = expander.expand(query.text(), searcher.getIndexReader());
        if (concepts.isEmpty()) {
            return List.of();
        }
        int depth = (int) Math.min((long) query.limit() * OVERFETCH, MAX_HITS);
        CoverageScorer scorer = CoverageScorer.ofConcepts(concepts, searcher);
        PageCoverage coverage = new PageCoverage(searcher, scorer);
        Optional<String> agreed = Optional.empty();
        List<ScoreDoc> ranked;
        switch (mode) {
            case BM25 -> ranked = lexical(searcher, concepts, query.services(), depth);
            case VECTOR -> ranked = nearest(searcher, questionVector.get(), query.services(), depth);
            default -> {
                List<ScoreDoc> lexical = coverageFirst(onTopic(searcher, concepts, query.services(), depth), coverage);
                List<ScoreDoc> nearest = nearest(searcher, questionVector.get(), query.services(), depth);
                agreed = agreedPage(searcher, lexical, nearest);
                ranked = wholeAnswerFirst(searcher, coverage, scorer, lexical, fused(lexical, nearest));
            }
        }
        List<Passage> passages = passages(searcher, coverage, ranked, query.limit(), agreed);
        return mode == RetrievalMode.HYBRID ? focus.breakTie(searcher, passages, scorer) : passages;
    }

    /**
     * The fused ranking, with a page that says every topic word of the question put first when the
     * fused first page leaves out at least {@value #WHOLE_ANSWER_LEAD} of them: the semantic ranking
     * can prefer a page about the right thing in general ("garden waste") over the one with the
     * detail asked for ("Kestle Green: Tuesday"). The page is the first such among the lexical
     * ranking's first {@value #WHOLE_ANSWER_PAGES} pages; BM25 can rank a page that repeats part of
     * the question ("certificate ... costs") over the one that names all of it once ("lawful
     * development certificate (fee £264)"). Measured on the demo suite: looking past the lexical
     * first page raised recall@1 from 0.912 to 0.917; without the focus check below it also moved
     * two right pages down.
     */
    private List<ScoreDoc> wholeAnswerFirst(IndexSearcher searcher, PageCoverage coverage, CoverageScorer scorer,
                                            List<ScoreDoc> lexical, List<ScoreDoc> fused) throws IOException {
        if (lexical.isEmpty() || fused.isEmpty()) {
            return fused;
        }
        StoredFields stored = searcher.storedFields();
        Optional<String> whole = wholeAnswerPage(stored, coverage, lexical);
        if (whole.isEmpty()) {
            return fused;
        }
        String lexicalPage = whole.get();
        String fusedPage = stored.document(fused.get(0).doc, URL_ONLY).get(IndexSchema.URL);
        if (lexicalPage.equals(fusedPage)
                || coverage.ofPage(fusedPage) > coverage.ofPage(lexicalPage) - WHOLE_ANSWER_LEAD) {
            return fused;
        }
        // A page further down the lexical ranking may say every word only scattered about its
        // length; it must also say the question in one place better than the fused first page.
        String lexicalFirst = stored.document(lexical.get(0).doc, URL_ONLY).get(IndexSchema.URL);
        if (!lexicalPage.equals(lexicalFirst)
                && focus.of(searcher, lexicalPage, scorer) < focus.of(searcher, fusedPage, scorer) + PageFocus.LEAD) {
            return fused;
        }
        List<ScoreDoc> first = new ArrayList<>();
        List<ScoreDoc> rest = new ArrayList<>();
        for (ScoreDoc hit : fused) {
            (stored.document(hit.doc, URL_ONLY).get(IndexSchema.URL).equals(lexicalPage) ? first : rest).add(hit);
        }
        first.addAll(rest);
        return first;
    }

    /** The first page among the lexical ranking's first few that says every topic word of the question. */
    private static Optional<String> wholeAnswerPage(StoredFields stored, PageCoverage coverage, List<ScoreDoc> lexical)
            throws IOException {
        Set<String> seen = new HashSet<>();
        for (ScoreDoc hit : lexical) {
            String page = stored.document(hit.doc, URL_ONLY).get(IndexSchema.URL);
            if (seen.add(page)) {
                if (coverage.ofPage(page) >= 0.999) {
                    return Optional.of(page);
                }
                if (seen.size() == WHOLE_ANSWER_PAGES) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /** The page both rankings put first, when they agree. */
    private static Optional<String> agreedPage(IndexSearcher searcher, List<ScoreDoc> lexical, List<ScoreDoc> nearest)
            throws IOException {
        if (lexical.isEmpty() || nearest.isEmpty()) {
            return Optional.empty();
        }
        StoredFields stored = searcher.storedFields();
        String lexicalPage = stored.document(lexical.get(0).doc, URL_ONLY).get(IndexSchema.URL);
        String nearestPage = stored.document(nearest.get(0).doc, URL_ONLY).get(IndexSchema.URL);
        return lexicalPage.equals(nearestPage) ? Optional.of(lexicalPage) : Optional.empty();
    }

    /** All chunks of one page in page order, scored 0: they were not ranked against a question. */
    List<Passage> pagePassages(IndexSearcher searcher, String url) throws IOException {
        TopDocs chunks = searcher.search(new TermQuery(new Term(IndexSchema.URL, url)), MAX_CHUNKS_OF_A_PAGE);
        StoredFields stored = searcher.storedFields();
        List<Passage> passages = new ArrayList<>();
        for (ScoreDoc hit : chunks.scoreDocs) {
            passages.add(IndexSchema.passage(stored.document(hit.doc), 0, 0));
        }
        passages.sort(Comparator.comparingInt(PassageSearch::ordinal));
        return passages;
    }

    private static List<ScoreDoc> lexical(IndexSearcher searcher, List<QueryConcept> concepts, Set<String> services,
                                          int depth) throws IOException {
        return Arrays.asList(searcher.search(BoostedTermsQuery.build(concepts, services), depth).scoreDocs);
    }

    /** The BM25 ranking of the chunks that say a topic term of the question; none when it has none. */
    private static List<ScoreDoc> onTopic(IndexSearcher searcher, List<QueryConcept> concepts, Set<String> services,
                                          int depth) throws IOException {
        Optional<Query> query = BoostedTermsQuery.buildOnTopic(concepts, services);
        return query.isEmpty() ? List.of() : Arrays.asList(searcher.search(query.get(), depth).scoreDocs);
    }

    /** The ranking with its head re-ranked by score × ({@value #COVERAGE_BASE} + page coverage). */
    private static List<ScoreDoc> coverageFirst(List<ScoreDoc> hits, PageCoverage coverage) throws IOException {
        int depth = Math.min(COVERAGE_RERANK_DEPTH, hits.size());
        List<ScoreDoc> head = new ArrayList<>(hits.size());
        for (ScoreDoc hit : hits.subList(0, depth)) {
            head.add(new ScoreDoc(hit.doc, (float) (hit.score * (COVERAGE_BASE + coverage.ofChunk(hit.doc)))));
        }
        head.sort(Comparator.comparingDouble((ScoreDoc hit) -> hit.score).reversed());
        head.addAll(hits.subList(depth, hits.size()));
        return head;
    }

    private static List<ScoreDoc> nearest(IndexSearcher searcher, float[] vector, Set<String> services, int depth)
            throws IOException {
        Optional<Query> filter = IndexSchema.servicesFilter(services);
        Query nearest = new KnnFloatVectorQuery(IndexSchema.VECTOR, vector, depth, filter.orElse(null));
        return Arrays.asList(searcher.search(nearest, depth).scoreDocs);
    }

    /** The BM25 ranking (first) and the vector ranking (second) fused by {@link #HYBRID}. */
    private static List<ScoreDoc> fused(List<ScoreDoc> lexical, List<ScoreDoc> nearest) {
        List<RankFusion.Fused<Integer>> fused = HYBRID.fuse(List.of(docs(lexical), docs(nearest)));
        List<ScoreDoc> ranked = new ArrayList<>(fused.size());
        for (RankFusion.Fused<Integer> item : fused) {
            ranked.add(new ScoreDoc(item.item(), (float) item.score()));
        }
        return ranked;
    }

    private static List<Integer> docs(List<ScoreDoc> hits) {
        return hits.stream().map(hit -> hit.doc).toList();
    }

    /** The ranked chunks as passages, at most {@value #MAX_CHUNKS_PER_PAGE} a page, up to the limit. */
    private static List<Passage> passages(IndexSearcher searcher, PageCoverage coverage, List<ScoreDoc> ranked,
                                          int limit, Optional<String> agreed) throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, Integer> perPage = new HashMap<>();
        List<Passage> passages = new ArrayList<>();
        for (ScoreDoc hit : ranked) {
            Document doc = stored.document(hit.doc);
            String url = doc.get(IndexSchema.URL);
            if (perPage.merge(url, 1, Integer::sum) > MAX_CHUNKS_PER_PAGE) {
                continue;
            }
            passages.add(IndexSchema.passage(doc, hit.score, coverage.ofPage(url), agreed.filter(url::equals).isPresent()));
            if (passages.size() == limit) {
                break;
            }
        }
        return passages;
    }

    /** The chunk's position in its page, from its id {@code url#n}. */
    private static int ordinal(Passage passage) {
        String id = passage.chunkId();
        return Integer.parseInt(id.substring(id.lastIndexOf('#') + 1));
    }
}
