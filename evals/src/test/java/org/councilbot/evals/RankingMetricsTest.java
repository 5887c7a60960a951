package org.councilbot.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void recall_counts_the_share_of_relevant_pages_in_the_top_k() {
        List<String> ranked = List.of("a", "x", "b", "y", "z", "c");
        Set<String> relevant = Set.of("a", "b", "c");

        assertThat(RankingMetrics.recallAt(ranked, relevant, 1)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(RankingMetrics.recallAt(ranked, relevant, 5)).isCloseTo(2.0 / 3, within(EPS));
        assertThat(RankingMetrics.recallAt(ranked, relevant, 10)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void ranks_a_page_once_at_its_first_passage() {
        // given: three passages of page x ahead of the relevant page
        List<String> ranked = List.of("x", "x", "x", "a");

        // then: a is at rank 2, not 4
        assertThat(RankingMetrics.dedupe(ranked)).containsExactly("x", "a");
        assertThat(RankingMetrics.reciprocalRank(ranked, Set.of("a"))).isCloseTo(0.5, within(EPS));
        assertThat(RankingMetrics.recallAt(ranked, Set.of("a"), 2)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void hit_is_one_when_any_relevant_page_is_in_the_top_k() {
        assertThat(RankingMetrics.hitAt(List.of("x", "y", "b"), Set.of("a", "b"), 5)).isEqualTo(1.0);
        assertThat(RankingMetrics.hitAt(List.of("x", "y", "b"), Set.of("a", "b"), 2)).isEqualTo(0.0);
    }

    @Test
    void reciprocal_rank_is_zero_when_nothing_relevant_was_retrieved() {
        assertThat(RankingMetrics.reciprocalRank(List.of(), Set.of("a"))).isEqualTo(0.0);
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y"), Set.of("a"))).isEqualTo(0.0);
        assertThat(RankingMetrics.reciprocalRank(List.of("x", "y", "z", "a"), Set.of("a"))).isCloseTo(0.25, within(EPS));
    }

    @Test
    void ndcg_is_one_for_a_perfect_ranking() {
        assertThat(RankingMetrics.ndcgAt(List.of("a", "b", "x"), Set.of("a", "b"), 10)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void ndcg_discounts_by_log2_of_rank_plus_one() {
        // given: relevant {a, b}; a at rank 2, b at rank 4
        // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
        // IDCG (2 relevant) = 1/log2(2) + 1/log2(3) = 1 + 0.630930 = 1.630930
        double expected = (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3));

        assertThat(RankingMetrics.ndcgAt(List.of("x", "a", "y", "b"), Set.of("a", "b"), 10))
                .isCloseTo(expected, within(EPS))
                .isCloseTo(0.650920, within(1e-6));
    }

    @Test
    void ndcg_ideal_uses_at_most_k_relevant_pages_and_ignores_ranks_below_k() {
        // given: 12 relevant pages, only one retrieved, at rank 11 (outside the top 10)
        Set<String> relevant = Set.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10", "r11", "r12");
        List<String> ranked = List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "r1");

        assertThat(RankingMetrics.ndcgAt(ranked, relevant, 10)).isEqualTo(0.0);

        // and: all top 10 relevant scores 1, since the ideal DCG stops at 10 pages
        List<String> perfect = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9", "r10");
        assertThat(RankingMetrics.ndcgAt(perfect, relevant, 10)).isCloseTo(1.0, within(EPS));
    }

    @Test
    void refuses_to_measure_a_turn_without_relevant_pages() {
        assertThatThrownBy(() -> RankingMetrics.recallAt(List.of("a"), Set.of(), 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one relevant doc");
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
