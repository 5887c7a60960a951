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
        "im 16 and sleeping rough since last week|child_at_risk",
        // means gathered, said in passing, and goodbyes
        "can you tell me my balance, i have been stockpiling my sleeping tablets|self_harm",
        "thinking of throwing myself off the multi storey car park|self_harm",
        "ive been cutting my arms again, where do i renew my library card|self_harm",
        "I won't be around to pay the next bill anyway so it doesn't matter|self_harm",
        "my affairs are in order now, I've sorted my affairs for my son|self_harm",
        // coercive control, stalking and strangulation told without naming abuse
        "my husband keeps all my benefits and gives me pocket money|domestic_abuse",
        "i have to ask him permission to see my own mum|domestic_abuse",
        "if i leave he says he will take the kids and i'll never see them|domestic_abuse",
        "my ex boyfriend keeps turning up at my work every day|domestic_abuse",
        "he had his hands around my throat last night|domestic_abuse",
        // children
        "a man online keeps asking my 13 year old daughter to send photos and meet him|child_at_risk",
        "there's a toddler wandering on the main road with no adult|child_at_risk",
        // someone not seen, danger now, threats to others, risk to life outdoors
        "the lady at number 4 hasn't taken her milk in for three days|adult_at_risk",
        "strong smell of gas in the flats and my neighbour has passed out|immediate_danger",
        "the house across the road is on fire|immediate_danger",
        "if that bailiff comes back I'm going to put him in hospital|immediate_danger",
        "someone is pouring petrol on the door of the flat below|immediate_danger",
        "we're sleeping in a doorway with our newborn|immediate_danger",
        "I've run out of my insulin and the pharmacy is shut|immediate_danger",
        "my family would be better off if I wasn't around|self_harm",
        "a woman is standing on the railway bridge railings saying she is going to jump|immediate_danger"})
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
        "I take tablets for my blood pressure, can I get a blue badge",
        // figures of speech and questions about a subject are not risk
        "there's an overdose of grit on our pavement, it's ruining the grass",
        "I'm in danger of missing the council tax deadline",
        "do you fund domestic abuse awareness training for schools",
        "the council has been cutting the verges again, can you stop",
        "I won't be around next week, can you collect my bulky waste the week after",
        "my son walks to school on his own, is there a crossing patrol",
        "gas safety certificate for my rented flat, who do I send it to",
        "can I have a bonfire in my garden",
        "are the kids allowed to jump off the harbour wall into the sea in summer"})
    void leaves_ordinary_council_questions_alone(String message) {
        assertThat(screen.screen(message)).isEmpty();
    }
}
