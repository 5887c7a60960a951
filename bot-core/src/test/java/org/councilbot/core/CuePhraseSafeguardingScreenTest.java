package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CuePhraseSafeguardingScreenTest {
    private final SafeguardingScreen screen = SafeguardingScreen.cuePhrases();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "I want to end my life|self_harm",
        "i keep thinking about suicide|self_harm",
        "I can't go on anymore, there's no point|self_harm",
        "my neighbour's child is being hit every night|child_at_risk",
        "my partner hits me and I'm scared to go home|domestic_abuse",
        "I'm afraid to go home tonight|domestic_abuse",
        "my elderly mum is being neglected by her carer|adult_at_risk",
        "there is a man outside with a knife, I'm in danger|immediate_danger",
        "what band is my council tax? also i took a load of pills about an hour ago|self_harm",
        "I've swallowed 30 paracetamol|self_harm",
        "i'm fourteen and my dad threw me out, i've nowhere to go|child_at_risk",
        "im 16 and sleeping rough since last week|child_at_risk"})
    void flags_risk_of_harm(String message, String category) {
        assertThat(screen.screen(message)).get().extracting(SafeguardingConcern::category).isEqualTo(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "my bin is killing me, it's always missed",
        "domestic waste collection days",
        "how do I kill rats in my garden",
        "can my child get free school meals",
        "I hit a pothole and damaged my tyre",
        "when is the recycling collected",
        "how long have i got to register my baby",
        "I'm 17, can I apply for a bus pass",
        "I take tablets for my blood pressure, can I get a blue badge"})
    void leaves_ordinary_council_questions_alone(String message) {
        assertThat(screen.screen(message)).isEmpty();
    }
}
