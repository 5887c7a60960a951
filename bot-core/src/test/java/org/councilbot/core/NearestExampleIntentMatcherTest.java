package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestExampleIntentMatcherTest {
    private static final IntentDefinition DUMPED = new IntentDefinition("report_dumped-rubbish", Action.FORM,
            "Report dumped rubbish", List.of("rubbish bags dumped by the garages"), "dumped-rubbish", "", false);
    private static final IntentDefinition PASSPORT = new IntentDefinition("national_services", Action.OUT_OF_SCOPE,
            "Government services", List.of("renew my passport"), "", "", false);
    private final IntentMatcher matcher = IntentMatcher.nearestExample(List.of(DUMPED, PASSPORT), new WordHashEmbedder());

    @Test
    void reads_a_report_in_one_clause_of_a_longer_message_as_closely_as_on_its_own() {
        double alone = similarity("rubbish bags dumped by the garages", DUMPED);
        double inNarrative = similarity("honestly it is a disgrace round here and nobody cares, "
                + "rubbish bags dumped by the garages, my kids play there every single evening", DUMPED);

        assertThat(inNarrative).isEqualTo(alone);
    }

    @Test
    void reads_only_the_whole_message_when_it_asks_a_question_or_for_other_intents() {
        double question = similarity("rubbish bags dumped by the garages, who pays to clear them up?", DUMPED);
        double unmarked = similarity("we only moved in last month, nobody tells us anything, so how do we get "
                + "rubbish bags dumped by the garages cleared", DUMPED);
        double passport = similarity("we are going on holiday in june and the kids are excited, renew my passport", PASSPORT);

        assertThat(question).isLessThan(0.9);
        // read whole, as if it had no clauses
        assertThat(unmarked).isEqualTo(similarity("we only moved in last month nobody tells us anything so how do we get "
                + "rubbish bags dumped by the garages cleared", DUMPED));
        assertThat(passport).isLessThan(0.9);
    }

    private double similarity(String text, IntentDefinition intent) {
        return matcher.rank(text).stream().filter(match -> match.intent() == intent).findFirst().orElseThrow().similarity();
    }
}
