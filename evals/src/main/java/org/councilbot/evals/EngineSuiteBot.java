package org.councilbot.evals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.councilbot.channels.CouncilbotSettings;
import org.councilbot.channels.EngineSettings;
import org.councilbot.core.BotReply;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.CouncilProfile;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.ResidentMessage;
import org.councilbot.handoff.CouncilDatabase;
import org.councilbot.handoff.DatabaseSettings;
import org.councilbot.handoff.JdbcConversationStore;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.LuceneKnowledgeIndex;

/**
 * The real engine over a fresh index of the suite's own corpus, built the way the server builds it.
 *
 * <p>When the suite folder has a {@code councilbot.yaml} (a council's server configuration), its
 * council profile and engine settings are used, so the evaluation measures what that council
 * would run; otherwise the profile comes from suite.yaml and the engine runs with defaults.
 */
final class EngineSuiteBot implements SuiteBot {
    static final String COUNCIL_CONFIGURATION = "councilbot.yaml";

    private final LuceneKnowledgeIndex index;
    private final CouncilDatabase database;
    private final ChatEngine engine;

    private EngineSuiteBot(LuceneKnowledgeIndex index, CouncilDatabase database, ChatEngine engine) {
        this.index = index;
        this.database = database;
        this.engine = engine;
    }

    static SuiteBot open(Suite suite, Path workDir) {
        Path indexDir = workDir.resolve("index");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(suite.corpusDir(), indexDir);
        LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexDir);
        try {
            CouncilDatabase database = CouncilDatabase.open(
                    DatabaseSettings.inMemory("eval-" + UUID.randomUUID().toString().replace("-", "")));
            Path configuration = suite.dir().resolve(COUNCIL_CONFIGURATION);
            CouncilProfile council;
            EngineSettings engineSettings;
            if (Files.isRegularFile(configuration)) {
                CouncilbotSettings settings = CouncilbotSettings.load(configuration, Map.of());
                council = settings.council();
                engineSettings = settings.engine();
            } else {
                council = profileFromSuite(suite);
                engineSettings = EngineSettings.defaults();
            }
            ChatEngine engine = engineSettings.applyTo(ChatEngine.builder())
                    .store(JdbcConversationStore.create(database))
                    .retriever(index)
                    .council(council)
                    .build();
            return new EngineSuiteBot(index, database, engine);
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /** A profile from suite.yaml; a suite without contact numbers gets wording that invents none. */
    static CouncilProfile profileFromSuite(Suite suite) {
        return new CouncilProfile(suite.council(),
                suite.website().orElse("the council's website"),
                suite.contactPhone().orElse("the council's contact centre"),
                suite.officeHours().orElse("during office hours"),
                suite.outOfHoursPhone().orElse("the council's out-of-hours line"),
                List.of());
    }

    @Override
    public String startConversation() {
        return engine.startConversation("eval", "").id();
    }

    @Override
    public BotReply send(String conversationId, String text) {
        return engine.handle(new ResidentMessage(conversationId, text));
    }

    @Override
    public Map<String, KnowledgeRetriever> retrievers() {
        return Map.of(index.name(), index);
    }

    @Override
    public String defaultRetriever() {
        return index.name();
    }

    @Override
    public void close() {
        database.close();
        index.close();
    }
}
