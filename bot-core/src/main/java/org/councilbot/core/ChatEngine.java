package org.councilbot.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The conversation engine: runs each resident message through the stages and stores the turn.
 *
 * <p>Turns of one conversation are handled one at a time, in the order they arrive; different
 * conversations run in parallel. Build one with {@link #builder()}.
 */
public final class ChatEngine {
    private static final System.Logger LOG = System.getLogger(ChatEngine.class.getName());

    private final ConversationStore store;
    private final MessageNormaliser normaliser;
    private final PiiRedactor redactor;
    private final ReplyPlanner planner;
    private final List<TurnListener> listeners;
    private final Clock clock;
    private final Supplier<String> conversationIds;
    private final ConversationLocks locks = new ConversationLocks(256);
    /**
     * How far below the intent floor a report may match when the council's page for the service is
     * the best page for the message (the page corroborates the reading).
     */
    private static final double CORROBORATED_INTENT_ALLOWANCE = 0.15;

    private ChatEngine(Builder builder) {
        this.store = builder.store;
        this.normaliser = builder.normaliser;
        this.redactor = builder.redactor;
        AddressPicker addresses = new AddressPicker(builder.addresses);
        Optional<BinDayLookup> lookups = builder.addresses.flatMap(directory -> builder.binCollections
                .map(schedule -> new BinDayLookup(addresses, schedule, builder.clock, builder.council)));
        this.planner = new ReplyPlanner(builder.screen, builder.intents,
                new IntentResolver(performable(builder.intentMatcher, lookups.isPresent()), builder.intentFloor,
                        builder.intentMargin),
                builder.retriever, builder.composer, builder.guard, new StandardReplies(builder.council),
                new Answerability(builder.answerFloor, Math.min(builder.answerFloor, builder.corroboratedAnswerFloor)),
                builder.retrievalDepth, builder.catalogue,
                builder.intake.map(intake -> new ServiceRequestForms(builder.catalogue, intake, addresses,
                        builder.clock, builder.requestReferences, builder.council,
                        builder.optionModel.map(OptionMeaning::new))), builder.fallbackComposer,
                builder.drafts, Math.max(builder.intentFloor, builder.overrideFloor),
                builder.intentFloor - CORROBORATED_INTENT_ALLOWANCE,
                builder.desk.flatMap(desk -> builder.intake.map(intake -> new StatusLookup(desk, intake,
                        builder.clock.getZone()))), builder.redactor, lookups,
                new LearnedUnderstanding(builder.classifier, builder.serviceLinks, builder.understandingTuning));
        this.listeners = List.copyOf(builder.listeners);
        this.clock = builder.clock;
        this.conversationIds = builder.conversationIds;
    }

    /**
     * The intents the engine can carry out for a message. The bin-day lookup intent takes part only
     * when an address directory and a collection schedule are configured and the message asks when
     * collections are; otherwise those questions go to the pages as before, and a report ("my bin
     * wasn't collected") is never set against the lookup.
     */
    private static IntentMatcher performable(IntentMatcher matcher, boolean binDaysLookedUp) {
        return text -> matcher.rank(text).stream().filter(match -> !BinDayLookup.handles(match.intent())
                || binDaysLookedUp && BinDayLookup.asksWhen(text)).toList();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts and stores a conversation.
     *
     * @param channel         e.g. {@code web}
     * @param accessTokenHash hash of the token that binds the resident, or empty
     */
    public Conversation startConversation(String channel, String accessTokenHash) {
        Conversation conversation = new Conversation(conversationIds.get(), channel, accessTokenHash, clock.instant());
        store.create(conversation);
        return conversation;
    }

    /**
     * Handles one resident message and returns the reply, after the turn is stored.
     *
     * @throws UnknownConversationException if the conversation does not exist
     * @throws InvalidMessageException      if the text is empty or too long
     */
    public BotReply handle(ResidentMessage message) {
        String text = normaliser.normalise(message.text());
        long started = System.nanoTime();
        ReentrantLock lock = locks.forConversation(message.conversationId());
        lock.lock();
        Turn turn;
        try {
            store.find(message.conversationId())
                    .orElseThrow(() -> new UnknownConversationException(message.conversationId()));
            List<Turn> history = store.turns(message.conversationId());
            BotReply reply = planner.plan(message.conversationId(), text, history);
            turn = new Turn(message.conversationId(), history.size() + 1, text, reply, clock.instant());
            store.append(turn);
        } finally {
            lock.unlock();
        }
        LOG.log(System.Logger.Level.INFO, () -> String.format("turn conversation=%s seq=%d action=%s intent=%s "
                        + "confidence=%.2f ms=%d", turn.conversationId(), turn.sequence(),
                turn.reply().action().wireName(), turn.reply().why().intent(), turn.reply().why().confidence(),
                Duration.ofNanos(System.nanoTime() - started).toMillis()));
        LOG.log(System.Logger.Level.DEBUG, () -> "turn text (redacted): " + redactor.redact(text));
        notifyListeners(turn);
        return turn.reply();
    }

    /** The stored turns of a conversation, oldest first. */
    public List<Turn> transcript(String conversationId) {
        return store.turns(conversationId);
    }

    private void notifyListeners(Turn turn) {
        for (TurnListener listener : listeners) {
            try {
                listener.turnCompleted(turn);
            } catch (RuntimeException e) {
                // A broken subscriber must not cost the resident the reply that is already stored.
                LOG.log(System.Logger.Level.WARNING, "turn listener failed: " + e);
            }
        }
    }

    /** Builds a {@link ChatEngine}; store, retriever and council are required, the rest have defaults. */
    public static final class Builder {
        private ConversationStore store;
        private KnowledgeRetriever retriever;
        private CouncilProfile council;
        private MessageNormaliser normaliser = MessageNormaliser.standard(1000);
        private SafeguardingScreen screen = SafeguardingScreen.cuePhrases();
        private PiiRedactor redactor = PiiRedactor.ukPatterns();
        private IntentReader intents = IntentReader.rules();
        private AnswerComposer fallbackComposer = AnswerComposer.extractive(600);
        private Optional<TextEmbedder> optionModel = Optional.empty();
        private AnswerComposer composer = fallbackComposer;
        private DraftListener drafts = DraftListener.none();
        private AnswerGuard guard = AnswerGuard.sourceGrounding();
        private double answerFloor = 0.5;
        private double corroboratedAnswerFloor = 0.3;
        private IntentMatcher intentMatcher = IntentMatcher.none();
        private double intentFloor = 0.6;
        private double intentMargin = 0.03;
        private double overrideFloor = 0.75;
        private int retrievalDepth = 5;
        private final List<TurnListener> listeners = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Supplier<String> conversationIds = new SecureIds(new SecureRandom());
        private Optional<ServiceCatalogue> catalogue = Optional.empty();
        private Optional<ServiceRequestIntake> intake = Optional.empty();
        private Optional<ServiceDesk> desk = Optional.empty();
        private Supplier<String> requestReferences = new RequestReferences(new SecureRandom());
        private Optional<AddressDirectory> addresses = Optional.empty();
        private Optional<CollectionSchedule> binCollections = Optional.empty();
        private MessageClassifier classifier = MessageClassifier.none();
        private ServiceLinks serviceLinks = ServiceLinks.none();
        private UnderstandingTuning understandingTuning = UnderstandingTuning.defaults();

        private Builder() {
        }

        public Builder store(ConversationStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        public Builder retriever(KnowledgeRetriever retriever) {
            this.retriever = Objects.requireNonNull(retriever, "retriever");
            return this;
        }

        public Builder council(CouncilProfile council) {
            this.council = Objects.requireNonNull(council, "council");
            return this;
        }

        public Builder normaliser(MessageNormaliser normaliser) {
            this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
            return this;
        }

        public Builder safeguardingScreen(SafeguardingScreen screen) {
            this.screen = Objects.requireNonNull(screen, "screen");
            return this;
        }

        public Builder redactor(PiiRedactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        public Builder intentReader(IntentReader intents) {
            this.intents = Objects.requireNonNull(intents, "intents");
            return this;
        }

        public Builder composer(AnswerComposer composer) {
            this.composer = Objects.requireNonNull(composer, "composer");
            return this;
        }

        /**
         * The composer used when the configured one fails or is rejected by the guard; it must never
         * invent anything (the extractive composer by default).
         */
        public Builder fallbackComposer(AnswerComposer fallbackComposer) {
            boolean composerWasFallback = composer == this.fallbackComposer;
            this.fallbackComposer = Objects.requireNonNull(fallbackComposer, "fallbackComposer");
            if (composerWasFallback) {
                this.composer = fallbackComposer;
            }
            return this;
        }

        /** Shown answers as they stream, sentence by checked sentence. */
        public Builder draftListener(DraftListener drafts) {
            this.drafts = Objects.requireNonNull(drafts, "drafts");
            return this;
        }

        public Builder guard(AnswerGuard guard) {
            this.guard = Objects.requireNonNull(guard, "guard");
            return this;
        }

        /** Below this coverage of the question by the best page, the bot says it does not know. */
        public Builder answerFloor(double answerFloor) {
            if (!(answerFloor >= 0 && answerFloor <= 1)) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.answer-floor must be within 0..1, was " + answerFloor);
            }
            this.answerFloor = answerFloor;
            return this;
        }

        /**
         * The lower coverage that still answers when the retriever's independent rankings (lexical
         * and semantic) agree on the best page: residents' words often differ from the page's
         * ("the tip" for the recycling centre), and agreement is evidence the page is the right one.
         */
        public Builder corroboratedAnswerFloor(double corroboratedAnswerFloor) {
            if (!(corroboratedAnswerFloor >= 0 && corroboratedAnswerFloor <= 1)) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.corroborated-answer-floor must be within 0..1, was " + corroboratedAnswerFloor);
            }
            this.corroboratedAnswerFloor = corroboratedAnswerFloor;
            return this;
        }

        /** The council's configured intents; without them every question goes to the pages. */
        public Builder intentMatcher(IntentMatcher intentMatcher) {
            this.intentMatcher = Objects.requireNonNull(intentMatcher, "intentMatcher");
            return this;
        }

        /**
         * An intent is acted on when its similarity reaches {@code floor} and no intent with another
         * outcome is within {@code margin} of it (then the resident is asked which they meant).
         */
        public Builder intentThresholds(double floor, double margin) {
            if (!(floor >= 0 && floor <= 1)) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.intent-floor must be within 0..1, was " + floor);
            }
            if (!(margin >= 0 && margin <= 1)) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.intent-margin must be within 0..1, was " + margin);
            }
            this.intentFloor = floor;
            this.intentMargin = margin;
            return this;
        }

        /**
         * Intents that apply even where the council's pages match (political opinions, instructions
         * to the assistant) act only from this similarity up: declining a real question is costly.
         */
        public Builder overrideFloor(double overrideFloor) {
            if (!(overrideFloor >= 0 && overrideFloor <= 1)) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.override-floor must be within 0..1, was " + overrideFloor);
            }
            this.overrideFloor = overrideFloor;
            return this;
        }

        public Builder retrievalDepth(int retrievalDepth) {
            if (retrievalDepth < 1 || retrievalDepth > 100) {
                throw new CouncilbotException("invalid_configuration",
                        "engine.retrieval-depth must be within 1..100, was " + retrievalDepth);
            }
            this.retrievalDepth = retrievalDepth;
            return this;
        }

        public Builder listener(TurnListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** A sentence model to read list answers by meaning when they name no option in words. */
        public Builder optionsByMeaning(TextEmbedder model) {
            this.optionModel = Optional.of(model);
            return this;
        }

        /**
         * The trained reader of what kind a message is, and the catalogue's services linked to the
         * types it reads reports as; without it, the engine decides by its rules alone.
         */
        public Builder messageClassifier(MessageClassifier classifier, ServiceLinks serviceLinks) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            this.serviceLinks = Objects.requireNonNull(serviceLinks, "serviceLinks");
            return this;
        }

        public Builder understandingTuning(UnderstandingTuning tuning) {
            this.understandingTuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Source of new conversation ids; they must be unguessable. */
        public Builder conversationIds(Supplier<String> conversationIds) {
            this.conversationIds = Objects.requireNonNull(conversationIds, "conversationIds");
            return this;
        }

        /**
         * The services residents can request and where confirmed requests go; without these, the
         * engine answers questions about services but takes no requests.
         */
        public Builder serviceRequests(ServiceCatalogue catalogue, ServiceRequestIntake intake) {
            this.catalogue = Optional.of(Objects.requireNonNull(catalogue, "catalogue"));
            this.intake = Optional.of(Objects.requireNonNull(intake, "intake"));
            return this;
        }

        /** The council's system, asked when a resident wants to know where a request has got. */
        public Builder requestStatus(ServiceDesk desk) {
            this.desk = Optional.of(Objects.requireNonNull(desk, "desk"));
            return this;
        }

        /** Source of councilbot's own request references; they must be unique. */
        public Builder requestReferences(Supplier<String> requestReferences) {
            this.requestReferences = Objects.requireNonNull(requestReferences, "requestReferences");
            return this;
        }

        /** Where residents' postcodes are turned into addresses to pick from (forms and bin days). */
        public Builder addresses(AddressDirectory addresses) {
            Objects.requireNonNull(addresses, "addresses");
            this.addresses = addresses == AddressDirectory.none() ? Optional.empty() : Optional.of(addresses);
            return this;
        }

        /** Where bin collection days are looked up for a picked address. */
        public Builder binCollections(CollectionSchedule binCollections) {
            Objects.requireNonNull(binCollections, "binCollections");
            this.binCollections = binCollections == CollectionSchedule.none() ? Optional.empty()
                    : Optional.of(binCollections);
            return this;
        }

        public ChatEngine build() {
            if (store == null) {
                throw new CouncilbotException("invalid_configuration", "ChatEngine needs a conversation store");
            }
            if (retriever == null) {
                throw new CouncilbotException("invalid_configuration", "ChatEngine needs a knowledge retriever");
            }
            if (council == null) {
                throw new CouncilbotException("invalid_configuration", "ChatEngine needs the council's profile");
            }
            return new ChatEngine(this);
        }
    }

    /** "CB-" and ten letters and digits without look-alikes, easy to read out over the phone. */
    private record RequestReferences(SecureRandom random) implements Supplier<String> {
        private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

        @Override
        public String get() {
            StringBuilder reference = new StringBuilder("CB-");
            for (int i = 0; i < 10; i++) {
                reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            return reference.toString();
        }
    }

    /** 128 random bits, URL-safe base64. */
    private record SecureIds(SecureRandom random) implements Supplier<String> {
        @Override
        public String get() {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }
}
