package org.councilbot.evals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.councilbot.channels.CouncilbotSettings;
import org.councilbot.channels.EngineSettings;
import org.councilbot.channels.UnderstandingModels;
import org.councilbot.channels.UnderstandingSettings;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceLinks;
import org.councilbot.core.TextEmbedder;
import org.councilbot.core.UnderstandingTuning;
import org.councilbot.channels.LookupSettings;
import org.councilbot.channels.Lookups;
import org.councilbot.core.BotReply;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.FormState;
import org.councilbot.channels.ServiceRequestSettings;
import org.councilbot.channels.ServiceRequests;
import org.councilbot.handoff.InboxSettings;
import org.councilbot.handoff.OutboxSettings;
import org.councilbot.index.Embeddings;
import java.time.Clock;
import java.util.Optional;
import org.councilbot.core.CouncilProfile;
import org.councilbot.core.KnowledgeQuery;
import org.councilbot.core.KnowledgeRetriever;
import org.councilbot.core.Passage;
import org.councilbot.core.ResidentMessage;
import org.councilbot.handoff.CouncilDatabase;
import org.councilbot.handoff.DatabaseSettings;
import org.councilbot.handoff.JdbcConversationStore;
import org.councilbot.index.IndexSettings;
import org.councilbot.index.KnowledgeIndexer;
import org.councilbot.index.LuceneKnowledgeIndex;
import org.councilbot.index.NaiveRetriever;

/**
 * The real engine over a fresh index of the suite's own corpus, built the way the server builds it.
 *
 * <p>When the suite folder has a {@code councilbot.yaml} (a council's server configuration), its
 * council profile, engine settings and lookups (addresses, bin days) are used, so the evaluation
 * measures what that council would run; otherwise the profile comes from suite.yaml and the engine
 * runs with defaults and no lookups.
 *
 * <p>Besides the index's own retrievers ({@code bm25}, {@code vector}, {@code hybrid}) it offers
 * {@code naive}, LangChain4j's defaults over the same corpus, as the baseline to beat. Naive is
 * built on its first question (the runner's unmeasured warm-up), so runs that do not compare
 * against it do not pay for embedding the corpus twice.
 */
final class EngineSuiteBot implements SuiteBot {
    static final String COUNCIL_CONFIGURATION = "councilbot.yaml";
    static final String NAIVE = "naive";

    private final LuceneKnowledgeIndex index;
    private final CouncilDatabase database;
    private final ChatEngine engine;
    private final List<org.councilbot.core.ServiceLink> links;

    @Override
    public List<org.councilbot.core.ServiceLink> serviceLinks() {
        return links;
    }
    private final Optional<ServiceRequests> requests;
    private final Map<String, KnowledgeRetriever> retrievers;

    private EngineSuiteBot(LuceneKnowledgeIndex index, CouncilDatabase database, Optional<ServiceRequests> requests,
                           ChatEngine engine, Path corpusDir, List<org.councilbot.core.ServiceLink> links) {
        this.links = links;
        this.requests = requests;
        this.index = index;
        this.database = database;
        this.engine = engine;
        Map<String, KnowledgeRetriever> all = new LinkedHashMap<>(index.retrievers());
        all.put(NAIVE, new LazyRetriever(NAIVE, () -> NaiveRetriever.build(corpusDir)));
        this.retrievers = Collections.unmodifiableMap(all);
    }

    static SuiteBot open(Suite suite, Path workDir) {
        // The council's configuration and lookup files are read first: a mistake in them fails in a
        // second, not after indexing.
        Path configuration = suite.dir().resolve(COUNCIL_CONFIGURATION);
        CouncilProfile council;
        EngineSettings engineSettings;
        LookupSettings lookupSettings;
        java.time.ZoneId zone;
        UnderstandingSettings understandingSettings;
        if (Files.isRegularFile(configuration)) {
            CouncilbotSettings settings = CouncilbotSettings.load(configuration, Map.of());
            council = settings.council();
            engineSettings = settings.engine();
            lookupSettings = settings.lookups();
            zone = settings.timeZone();
            understandingSettings = settings.understanding();
        } else {
            council = profileFromSuite(suite);
            engineSettings = EngineSettings.defaults();
            lookupSettings = LookupSettings.none();
            zone = java.time.ZoneId.of("Europe/London");
            understandingSettings = new UnderstandingSettings(Path.of("data", "models").toAbsolutePath(), Map.of(),
                    UnderstandingTuning.defaults());
        }
        Clock clock = Clock.system(zone);
        Lookups lookups = Lookups.open(lookupSettings, clock);
        Path indexDir = workDir.resolve("index");
        KnowledgeIndexer.create(IndexSettings.defaults()).build(suite.corpusDir(), indexDir);
        LuceneKnowledgeIndex index = LuceneKnowledgeIndex.open(indexDir);
        try {
            CouncilDatabase database = CouncilDatabase.open(
                    DatabaseSettings.inMemory("eval-" + UUID.randomUUID().toString().replace("-", "")));
            // Requests go to a built-in inbox in the evaluation's own database: nothing leaves the run.
            Optional<ServiceRequests> requests = ServiceRequests.open(new ServiceRequestSettings(suite.open311Dir(),
                    Optional.empty(), new InboxSettings("EVAL"), OutboxSettings.defaults(), Optional.empty()),
                    database, clock);
            TextEmbedder model = TextEmbedder.remembering(Embeddings.miniLm(), 256);
            UnderstandingModels understanding = UnderstandingModels.load(understandingSettings.modelsDir(), model);
            List<ServiceDefinition> services = requests.map(r -> r.catalogue().services()).orElse(List.of());
            ServiceLinks links = understanding.link(services, understandingSettings.catalogueLinks());
            ChatEngine.Builder builder = engineSettings.applyTo(ChatEngine.builder(), model, services, understanding, links)
                    .understandingTuning(understandingSettings.tuning());
            requests.ifPresent(r -> builder.serviceRequests(r.catalogue(), r.intake()).requestStatus(r.desk()));
            ChatEngine engine = lookups.applyTo(builder)
                    .store(JdbcConversationStore.create(database))
                    .retriever(index)
                    .council(council)
                    .build();
            return new EngineSuiteBot(index, database, requests, engine, suite.corpusDir(), links.links());
        } catch (RuntimeException e) {
            index.close();
            throw e;
        }
    }

    @Override
    public Optional<FormSnapshot> form(String conversationId, BotReply reply) {
        // Lookups (bin days) ride on the form state but are not service requests: forms metrics leave them out.
        return reply.form().filter(state -> state.kind() == FormState.Kind.REPORT)
                .map(state -> new FormSnapshot(state.serviceCode(),
                        state.stage().name().toLowerCase(java.util.Locale.ROOT), state.namedAnswers()));
    }

    @Override
    public Optional<String> serviceCode(String conversationId, BotReply reply) {
        return reply.form().filter(state -> state.kind() == FormState.Kind.REPORT).map(FormState::serviceCode);
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
        return retrievers;
    }

    /** The engine answers with the index itself, which ranks as the retriever of the same name. */
    @Override
    public String defaultRetriever() {
        return index.name();
    }

    @Override
    public void close() {
        requests.ifPresent(ServiceRequests::close);
        database.close();
        index.close();
    }

    /** A retriever made on first use, once, however many threads ask. */
    private static final class LazyRetriever implements KnowledgeRetriever {
        private final String name;
        private final Supplier<KnowledgeRetriever> factory;
        private final ReentrantLock building = new ReentrantLock();
        private volatile KnowledgeRetriever built;

        LazyRetriever(String name, Supplier<KnowledgeRetriever> factory) {
            this.name = name;
            this.factory = factory;
        }

        @Override
        public List<Passage> retrieve(KnowledgeQuery query) {
            return retriever().retrieve(query);
        }

        @Override
        public List<Passage> pagePassages(String url) {
            return retriever().pagePassages(url);
        }

        @Override
        public String name() {
            return name;
        }

        private KnowledgeRetriever retriever() {
            KnowledgeRetriever retriever = built;
            if (retriever == null) {
                building.lock();
                try {
                    if (built == null) {
                        built = factory.get();
                    }
                    retriever = built;
                } finally {
                    building.unlock();
                }
            }
            return retriever;
        }
    }
}
