package org.councilbot.channels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.councilbot.core.AnswerComposer;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.IntentDefinition;
import org.councilbot.core.IntentMatcher;
import org.councilbot.core.MessageNormaliser;
import org.councilbot.core.SafeguardingScreen;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceIntents;
import org.councilbot.core.ServiceLinks;
import org.councilbot.core.TextEmbedder;

/**
 * The engine's tunable settings ({@code councilbot.engine.*} in application.yaml).
 *
 * @param maxMessageChars    longest resident message accepted
 * @param maxAnswerChars     longest extractive answer
 * @param answerFloor        coverage of the question by the best page below which the bot says it does not know
 * @param corroboratedAnswerFloor the lower coverage that still answers when the lexical and the
 *                           semantic rankings both put the same page first
 * @param retrievalDepth     passages retrieved per question
 * @param intentFloor        similarity to a configured intent's example at which the intent is acted on
 * @param intentMargin       how far ahead of an intent with another outcome it must be, else the bot asks
 * @param safeguardingFloor  similarity to an at-risk exemplar that raises a concern
 * @param safeguardingMargin how much closer to an at-risk exemplar than to a lookalike it must be
 * @param intentsFile        a council's own intents, added to the built-in ones
 * @param preElectionPeriod  whether election matters are declined (the pre-election period)
 */
public record EngineSettings(int maxMessageChars, int maxAnswerChars, double answerFloor,
                             double corroboratedAnswerFloor, int retrievalDepth,
                             double intentFloor, double intentMargin, double safeguardingFloor,
                             double safeguardingMargin, Optional<Path> intentsFile, boolean preElectionPeriod) {

    private static final int SENTENCE_VECTORS_REMEMBERED = 8192;

    public static EngineSettings defaults() {
        return new EngineSettings(1000, 600, 0.5, 0.3, 5, 0.6, 0.03, 0.40, 0.03, Optional.empty(), false);
    }

    /** The configured intents: built-in ones, the council's file over them, and one per catalogue service. */
    public List<IntentDefinition> intents(List<ServiceDefinition> services) {
        List<IntentDefinition> intents = new ArrayList<>(intentsFile
                .map(file -> IntentCatalogueFile.withCouncilFile(file, preElectionPeriod))
                .orElseGet(() -> IntentCatalogueFile.defaults(preElectionPeriod)));
        List<String> names = intents.stream().map(IntentDefinition::name).toList();
        ServiceIntents.of(services).stream().filter(intent -> !names.contains(intent.name())).forEach(intents::add);
        return intents;
    }

    /**
     * Applies these settings to an engine builder; the server and the evaluations both go through
     * here, so both run the same engine.
     *
     * @param embedder the model behind intents and the safeguarding exemplars
     * @param services the catalogue's services, whose forms the bot can start
     */
    public ChatEngine.Builder applyTo(ChatEngine.Builder builder, TextEmbedder model, List<ServiceDefinition> services,
                                      UnderstandingModels understanding, ServiceLinks links) {
        TextEmbedder embedder = TextEmbedder.remembering(model, 256);
        builder.messageClassifier(understanding.classifier(), links);
        List<IntentDefinition> intents = intents(services);
        // The council's own ordinary wordings are lookalikes for the safeguarding exemplar layer.
        List<String> ordinary = intents.stream().flatMap(intent -> intent.examples().stream()).toList();
        return builder.normaliser(MessageNormaliser.standard(maxMessageChars))
                .fallbackComposer(AnswerComposer.extractive(maxAnswerChars,
                        // The sentences of popular pages come back again and again.
                        TextEmbedder.remembering(model, SENTENCE_VECTORS_REMEMBERED)))
                .answerFloor(answerFloor)
                .corroboratedAnswerFloor(corroboratedAnswerFloor)
                .retrievalDepth(retrievalDepth)
                .safeguardingScreen(SafeguardingScreen.cuePhrasesAndExemplars(embedder, safeguardingFloor,
                        safeguardingMargin, ordinary))
                .intentMatcher(IntentMatcher.nearestExample(intents, embedder))
                .optionsByMeaning(embedder)
                .intentThresholds(intentFloor, intentMargin);
    }
}
