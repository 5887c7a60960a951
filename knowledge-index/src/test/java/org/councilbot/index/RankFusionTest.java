package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    @Test
    void ranks_items_by_the_sum_of_their_reciprocal_ranks() {
        // given
        RankFusion fusion = new RankFusion(60, 1, 1);

        // when
        List<RankFusion.Fused<String>> fused = fusion.fuse(List.of(List.of("a", "b", "c"), List.of("c", "a", "d")));

        // then
        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("a", "c", "b", "d");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
        assertThat(fused.get(3).score()).isCloseTo(1.0 / 63, within(1e-12));
    }

    @Test
    void lets_the_heavier_ranking_decide_between_items_they_order_differently() {
        // given two rankings that disagree about x and y
        List<List<String>> rankings = List.of(List.of("x", "y"), List.of("y", "x"));

        // then
        assertThat(new RankFusion(60, 0.5, 1).fuse(rankings)).extracting(RankFusion.Fused::item).containsExactly("y", "x");
        assertThat(new RankFusion(60, 1, 0.5).fuse(rankings)).extracting(RankFusion.Fused::item).containsExactly("x", "y");
    }

    @Test
    void puts_an_item_both_rankings_hold_above_items_only_one_ranks_first() {
        // when
        List<RankFusion.Fused<String>> fused = new RankFusion(60, 1, 1)
                .fuse(List.of(List.of("lexical-only", "both"), List.of("vector-only", "both")));

        // then
        assertThat(fused.get(0).item()).isEqualTo("both");
    }

    @Test
    void keeps_the_order_the_rankings_named_items_in_on_equal_scores() {
        // given equal weights, so each pair below ties
        RankFusion fusion = new RankFusion(60, 1, 1);

        // then rank 1 of the first ranking, rank 1 of the second, then rank 2 of each
        assertThat(fusion.fuse(List.of(List.of("a", "c"), List.of("b", "d"))))
                .extracting(RankFusion.Fused::item).containsExactly("a", "b", "c", "d");
        assertThat(fusion.fuse(List.of(List.of("b"), List.of("a"))))
                .extracting(RankFusion.Fused::item).containsExactly("b", "a");
    }

    @Test
    void counts_an_item_repeated_in_one_ranking_once_at_its_first_rank() {
        // when
        List<RankFusion.Fused<String>> fused = new RankFusion(60, 1).fuse(List.of(List.of("a", "a", "b")));

        // then b keeps rank 3: a repeat takes a place without promoting what follows
        assertThat(fused).extracting(RankFusion.Fused::item).containsExactly("a", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63, within(1e-12));
    }

    @Test
    void fuses_empty_rankings_into_nothing_and_one_empty_ranking_into_the_other() {
        RankFusion fusion = new RankFusion(60, 0.5, 1);

        assertThat(fusion.fuse(List.<List<String>>of(List.of(), List.of()))).isEmpty();
        assertThat(fusion.fuse(List.of(List.<String>of(), List.of("p", "q"))))
                .extracting(RankFusion.Fused::item).containsExactly("p", "q");
    }

    @Test
    void gives_a_ranking_weighted_zero_no_say() {
        assertThat(new RankFusion(60, 0, 1).fuse(List.of(List.of("x", "y"), List.of("y", "x"))))
                .extracting(RankFusion.Fused::item).containsExactly("y", "x");
    }

    @Test
    void rejects_settings_that_make_no_sense() {
        assertThatThrownBy(() -> new RankFusion(0, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be a positive number, was 0.0");
        assertThatThrownBy(() -> new RankFusion(60)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("at least one ranking weight is needed");
        assertThatThrownBy(() -> new RankFusion(60, 1, -0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights must be finite and at least 0, were [1.0, -0.5]");
        assertThatThrownBy(() -> new RankFusion(60, 1, 1).fuse(List.of(List.of("a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 rankings for 2 weights");
    }
}
