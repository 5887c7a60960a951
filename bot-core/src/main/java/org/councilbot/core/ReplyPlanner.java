package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/**
 * Stages 2 and 4 to 7: screens, understands, decides and acts on one normalised message.
 *
 * <p>Kept apart from {@link ChatEngine} so the decision rules are testable without a store.
 */
final class ReplyPlanner {
    private final SafeguardingScreen screen;
    private final IntentReader intents;
    private final KnowledgeRetriever retriever;
    private final StandardReplies replies;
    private final Answerability answerability;
    /** How many of the question's best pages may hold the service's own page for its form to start. */
    private static final int SERVICE_PAGE_DEPTH = 5;
    private final double overrideFloor;
    // A third of the question's words named by the page's title or headings makes it about them.
    private static final int ABOUT_SHARE_DENOMINATOR = 3;
    // Follow-up fragments name at most three things ("and the grey one", "what about for a whole week").
    private static final int FRAGMENT_TERMS = 3;
    private static final String NOT_FOLLOWING_INSTRUCTIONS = "I can't change how I work or share my instructions.";
    private static final String KEEP_IT_RESPECTFUL = "I'm here to help with council services; please keep messages respectful.";
    private static final String NOT_A_COUNCIL_MATTER = "Sorry, that isn't something the council deals with.";
    private final double corroboratedIntentFloor;
    private final IntentResolver configuredIntents;
    private final Optional<ServiceCatalogue> catalogue;
    private final Optional<ServiceRequestForms> forms;
    private final Optional<StatusLookup> statusLookup;
    private final Optional<BinDayLookup> lookups;
    private final PageAnswers pageAnswers;
    private final LearnedUnderstanding learned;

    ReplyPlanner(SafeguardingScreen screen, IntentReader intents, IntentResolver configuredIntents,
                 KnowledgeRetriever retriever, AnswerComposer composer, AnswerGuard guard, StandardReplies replies,
                 Answerability answerability, int retrievalDepth, Optional<ServiceCatalogue> catalogue,
                 Optional<ServiceRequestForms> forms, AnswerComposer fallback, DraftListener drafts,
                 double overrideFloor, double corroboratedIntentFloor, Optional<StatusLookup> statusLookup,
                 PiiRedactor redactor, Optional<BinDayLookup> lookups, LearnedUnderstanding learned) {
        this.learned = learned;
        this.lookups = lookups;
        this.corroboratedIntentFloor = corroboratedIntentFloor;
        this.overrideFloor = overrideFloor;
        this.statusLookup = statusLookup;
        this.screen = screen;
        this.intents = intents;
        this.configuredIntents = configuredIntents;
        this.catalogue = catalogue;
        this.forms = forms;
        this.retriever = retriever;
        this.replies = replies;
        this.answerability = answerability;
        this.pageAnswers = new PageAnswers(retriever, composer, fallback, guard, replies, answerability, retrievalDepth,
                drafts, redactor);
    }

    BotReply plan(String conversationId, String text, List<Turn> history) {
        Optional<FormState> openForm = openForm(history);
        Optional<SafeguardingConcern> concern = screen.screen(text).or(() -> learned.concern(text));
        if (concern.isPresent()) {
            BotReply safeguarding = fixed(replies.safeguarding(concern.get()), Action.SAFEGUARDING,
                    new Rationale("safeguarding:" + concern.get().category(), 1.0,
                            "safeguarding cue '" + concern.get().cue() + "'; priority handoff needed", "", List.of()),
                    List.of(StandardReplies.TALK_TO_PERSON));
            return openForm.map(safeguarding::withForm).orElse(safeguarding);
        }
        if (openForm.isPresent() && openForm.get().kind() == FormState.Kind.LOOKUP) {
            if (lookups.isPresent()) {
                return continueLookup(conversationId, openForm.get(), text, history);
            }
        } else if (openForm.isPresent() && forms.isPresent()) {
            return continueForm(conversationId, openForm.get(), text, history);
        }
        return understandAndAct(conversationId, text, history);
    }

    /** The form the last turn left open, if any. */
    private static Optional<FormState> openForm(List<Turn> history) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return history.get(history.size() - 1).reply().form().filter(FormState::isOpen);
    }

    private BotReply continueForm(String conversationId, FormState form, String text, List<Turn> history) {
        Rationale why = new Rationale("form:" + form.serviceCode(), 1.0, "continuing the "
                + form.serviceCode() + " form", "", List.of());
        Optional<ServiceDefinition> other = otherServiceAsked(form, text);
        if (other.isPresent()) {
            return forms.get().offerSwitch(form, other.get(), why);
        }
        ServiceRequestForms.Outcome outcome = forms.get().next(form, text, conversationId, why);
        if (outcome.reply().isPresent()) {
            return outcome.reply().get();
        }
        // A question in the middle of a form: answer it, then ask the form's question again.
        BotReply answer = answeredInForm(conversationId, form, text, history);
        if (answer.form().filter(started -> started.kind() == FormState.Kind.REPORT
                && !started.serviceCode().equals(form.serviceCode())).isPresent()) {
            Optional<ServiceDefinition> asked = catalogue.flatMap(c -> c.service(answer.form().get().serviceCode()));
            if (asked.isPresent()) {
                return forms.get().offerSwitch(form, asked.get(), why);
            }
        }
        if (answer.form().isPresent() && answer.form().get().kind() == FormState.Kind.LOOKUP) {
            return answer;
        }
        String prompt = forms.get().prompt(form);
        String said = answer.form().isPresent() ? "You're already reporting " + form.serviceName().toLowerCase(
                java.util.Locale.ROOT) + "." : answer.text();
        return new BotReply(said + "\n\nBack to your report: " + prompt, answer.action(), answer.citations(),
                answer.related(), forms.get().quickReplies(form), answer.why(), Optional.of(form));
    }

    private BotReply understandAndAct(String conversationId, String text, List<Turn> history) {
        Optional<String> reference = StatusLookup.referenceAskedAbout(text);
        if (reference.isPresent() && statusLookup.isPresent()) {
            return fixed(statusLookup.get().describe(reference.get()), Action.LOOKUP, new Rationale("request_status",
                    1.0, "status of request " + reference.get(), "", List.of()), List.of());
        }
        Understanding understanding = intents.understand(text, history);
        if (understanding.intent().equals(Understanding.QUESTION) && !fragmentFollowingUp(text, history)) {
            Optional<KindDecision> decision = learned.decide(text);
            if (decision.isPresent()) {
                Optional<BotReply> reply = actOn(conversationId, decision.get(), text, history);
                if (reply.isPresent()) {
                    return reply.get();
                }
            }
        }
        switch (understanding.intent()) {
            case Understanding.GREETING, Understanding.THANKS, Understanding.GOODBYE:
                return smalltalk(understanding.intent(), smalltalkWhy(understanding));
            case Understanding.ASK_FOR_PERSON:
                return person(new Rationale(understanding.intent(), understanding.confidence(),
                        "resident asked for a person", "", List.of()));
            case Understanding.FRUSTRATED:
                return frustrated(new Rationale(understanding.intent(), understanding.confidence(),
                        "resident is frustrated", "", List.of()));
            case Understanding.INSTRUCTIONS_TO_ASSISTANT:
                if (Terms.of(understanding.query()).size() >= 2) {
                    // Answer the real question asked alongside; the instructions are not followed. A
                    // question the council's pages cannot answer came with the attempt, so decline it.
                    BotReply reply = act(conversationId, new Understanding(Understanding.QUESTION, 1.0,
                            understanding.query()), history);
                    if (reply.action() != Action.DONT_KNOW) {
                        return reply;
                    }
                }
                return declined(NOT_FOLLOWING_INSTRUCTIONS, new Rationale(understanding.intent(), understanding.confidence(),
                                "instructions aimed at the assistant were not followed", "", List.of()));
            case Understanding.ABUSIVE:
                if (Terms.of(understanding.query()).size() >= 2) {
                    // Still answer a real question asked alongside, as long as the pages answer it.
                    BotReply reply = act(conversationId, new Understanding(Understanding.QUESTION, 1.0,
                            understanding.query()), history);
                    if (reply.action() == Action.ANSWER || reply.action() == Action.LOOKUP
                            || reply.action() == Action.FORM) {
                        return reply;
                    }
                }
                return declined(KEEP_IT_RESPECTFUL, new Rationale(understanding.intent(), understanding.confidence(),
                                "insults aimed at the assistant", "", List.of()));
            case Understanding.GENERAL_TASK:
                return declined(NOT_A_COUNCIL_MATTER, new Rationale(understanding.intent(), understanding.confidence(),
                                "a task for a general assistant, not a council matter", "", List.of()));
            default:
                return act(conversationId, understanding, history);
        }
    }

    /**
     * Carries out what the learned reading decided; empty when it leads nowhere here (a report of a
     * service the council does not take online goes to the pages instead).
     */
    private Optional<BotReply> actOn(String conversationId, KindDecision decision, String text, List<Turn> history) {
        MessageReading reading = learned.read(text);
        java.util.function.Function<String, Rationale> why = reason -> new Rationale(
                "learned:" + reading.topKind().map(Map.Entry::getKey).orElse(""),
                reading.topKind().map(Map.Entry::getValue).orElse(0.0), reason + " (read as " + reading.summary() + ")",
                text, List.of());
        if (!(decision instanceof KindDecision.Report) && !(decision instanceof KindDecision.OtherOrganisation)
                && pagesAreAboutIt(conversationId, text, history)) {
            // The council's pages say this well, in a page about it ("bulky waste", "DHP"): the
            // reading of the words alone gives way to that evidence.
            return Optional.empty();
        }
        return switch (decision) {
            case KindDecision.Smalltalk smalltalk -> Optional.of(smalltalk(smalltalk.kind(), why.apply("smalltalk")));
            case KindDecision.Person person -> Optional.of(person(why.apply("resident asked for a person")));
            case KindDecision.Frustrated frustrated -> Optional.of(frustrated(why.apply("resident is frustrated")));
            case KindDecision.NotCouncil notCouncil -> Optional.of(declined(switch (notCouncil.kind()) {
                case "political" -> "I can't give opinions on politics, parties or candidates.";
                case "abuse" -> KEEP_IT_RESPECTFUL;
                case "instruction" -> NOT_FOLLOWING_INSTRUCTIONS;
                default -> NOT_A_COUNCIL_MATTER;
            }, why.apply("not a council matter")));
            case KindDecision.OtherOrganisation other -> {
                BotReply reply = act(conversationId, new Understanding(Understanding.QUESTION, 1.0, text), history);
                // Some councils do help with another body's business (a passport checking service): their page says so.
                if (reply.action() == Action.OUT_OF_SCOPE || reply.action() == Action.FORM
                        || reply.action() == Action.LOOKUP || reply.action() == Action.HANDOFF
                        || reply.action() == Action.ANSWER && pagesAreAboutIt(conversationId, text, history)) {
                    yield Optional.of(reply);
                }
                yield Optional.of(declined("That's dealt with by another organisation, not the council.",
                        why.apply("another organisation's business")));
            }
            // A report that also asks something ("why do the street lights go dim after midnight?",
            // "bins missed again, when will you come back?") is answered first, the form a tap away.
            case KindDecision.Report report -> QuestionWording.asksToKnowAnywhere(text) || text.contains("?")
                    ? Optional.empty()
                    : forms.flatMap(f -> catalogue.flatMap(c -> c.service(report.service().serviceCode()))
                    .map(service -> f.start(service, why.apply("starts the " + service.code()
                            + " form for a report of " + report.type()), text)));
        };
    }

    /**
     * A fragment that leans on the last answer ("and garden waste?", "how much?", "and band e?") is
     * read with it, not on its own: alone it means nothing a classifier could read. A message that
     * says a thing of its own ("there's a mattress dumped on Mill Lane") is read as it stands.
     */
    private boolean fragmentFollowingUp(String text, List<Turn> history) {
        return !history.isEmpty() && pageAnswers.leansOnContext(text)
                && Terms.of(AnswerKind.withoutQuestionWords(text)).size() <= FRAGMENT_TERMS;
    }

    /** Whether the council's pages answer the message well, from a page about it. */
    private boolean pagesAreAboutIt(String conversationId, String text, List<Turn> history) {
        PagesForQuestion pages = new PagesForQuestion(text, history);
        BotReply answer = pageAnswers.answer(conversationId, new Understanding(Understanding.QUESTION, 1.0, text),
                pages.retrieval());
        return answer.action() == Action.ANSWER && answer.why().confidence() >= answerability.strongCoverage()
                && aboutIt(pages.retrieval().passages(), text);
    }

    /** A question: a configured intent may decide it; otherwise the council's pages answer it. */
    private BotReply act(String conversationId, Understanding understanding, List<Turn> history) {
        PagesForQuestion pages = new PagesForQuestion(understanding.query(), history);
        IntentResolver.Resolution resolution = pagesWeighed(configuredIntents.resolve(understanding.query()), pages);
        if (!resolution.contenders().isEmpty()) {
            List<String> labels = resolution.contenders().stream().map(match -> match.intent().label()).toList();
            IntentMatch best = resolution.best().orElseThrow();
            return fixed(replies.clarify(labels), Action.CLARIFY, new Rationale("ambiguous", best.similarity(),
                    "intents within the margin: " + resolution.contenders().stream()
                            .map(match -> String.format("%s %.2f", match.intent().name(), match.similarity())).toList(),
                    understanding.query(), List.of()), labels);
        }
        Optional<IntentMatch> chosen = resolution.chosen()
                .or(() -> resolution.best().filter(best -> reportCorroboratedByPage(best, understanding.query(), pages)
                        || reportNamedInItsWords(best, understanding.query())));
        Optional<String> offer = Optional.empty();
        if (chosen.isPresent()) {
            IntentDefinition intent = chosen.get().intent();
            if (intent.action() == Action.OUT_OF_SCOPE && intent.overridesPages()
                    && chosen.get().similarity() >= overrideFloor) {
                return outOfScope(chosen.get(), understanding.query());
            }
            if (intent.action() == Action.FORM && forms.isPresent()) {
                Optional<ServiceDefinition> service = catalogue.flatMap(c -> c.service(intent.serviceCode()));
                if (service.isPresent() && !QuestionWording.asksToKnowAnywhere(understanding.query())
                        && !weakServiceMatchElsewhere(chosen.get(), pages)) {
                    return forms.get().start(service.get(), intentWhy(chosen.get(), understanding.query(),
                            "starts the " + intent.serviceCode() + " form"), understanding.query());
                }
                // "How long do I have to report a missed bin?" wants an answer; the form is one tap away.
                offer = service.map(s -> intent.label());
            }
            if (intent.action() == Action.LOOKUP && lookups.isPresent() && BinDayLookup.handles(intent)) {
                if (BinDayLookup.personal(understanding.query())) {
                    return lookups.get().start(understanding.query(), intentWhy(chosen.get(), understanding.query(),
                            "looks up " + intent.serviceCode()), query -> pageAnswers.answer(conversationId, query, history));
                }
                // "Domestic waste collection days" asks about the service: the pages answer, the lookup is a tap away.
                offer = Optional.of(intent.label());
            }
            if (intent.action() == Action.HANDOFF) {
                return fixed(intent.reply().isBlank() ? replies.person() : intent.reply() + " " + replies.person(),
                        Action.HANDOFF, intentWhy(chosen.get(), understanding.query(), "people handle this"), List.of());
            }
        }
        BotReply answer = pageAnswers.answer(conversationId, understanding, pages.retrieval());
        if (chosen.isPresent() && chosen.get().intent().action() == Action.OUT_OF_SCOPE
                && (answer.action() != Action.ANSWER || answer.why().confidence() < answerability.strongCoverage()
                        || chosen.get().similarity() >= overrideFloor
                        || !aboutIt(pages.retrieval().passages(), understanding.query()))) {
            // Close to a non-council topic: declined unless the council's pages cover it well, in a
            // page about it, and the closeness is not strong.
            return outOfScope(chosen.get(), understanding.query());
        }
        if (offer.isPresent() && answer.action() == Action.ANSWER) {
            List<String> quickReplies = new ArrayList<>(answer.quickReplies());
            quickReplies.add(offer.get());
            return new BotReply(answer.text(), answer.action(), answer.citations(), answer.related(), quickReplies,
                    answer.why(), answer.form());
        }
        return resolution.best().map(best -> withNearestIntent(answer, best)).orElse(answer);
    }

    /**
     * Whether the best page is about the question, not only mentions its words: at least a third of
     * the question's words are in its title or the headings above the passage. "How do I claim my
     * state pension" is said in passing by a housing benefit page ("if you have reached state
     * pension age"), which does not make it a council matter.
     */
    private static boolean aboutIt(List<Passage> passages, String question) {
        if (passages.isEmpty()) {
            return false;
        }
        String url = passages.get(0).url();
        Set<String> named = new java.util.HashSet<>();
        passages.stream().filter(passage -> passage.url().equals(url)).forEach(passage -> {
            named.addAll(Terms.of(passage.title()));
            passage.sectionPath().forEach(heading -> named.addAll(Terms.of(heading)));
        });
        Set<String> asked = Terms.of(AnswerKind.withoutQuestionWords(question));
        long said = asked.stream().filter(named::contains).count();
        return !asked.isEmpty() && said * ABOUT_SHARE_DENOMINATOR >= asked.size();
    }

    /** Records the nearest intent not acted on, so a council can see why its intent did not fire. */
    private static BotReply withNearestIntent(BotReply reply, IntentMatch nearest) {
        Rationale why = reply.why();
        return new BotReply(reply.text(), reply.action(), reply.citations(), reply.related(), reply.quickReplies(),
                new Rationale(why.intent(), why.confidence(), why.reason() + String.format(
                        "; nearest intent %s (%.2f)", nearest.intent().name(), nearest.similarity()),
                        why.query(), why.sources()), reply.form());
    }

    /** "bulky waste" near two report forms, while another page answers it: the page wins, nobody is asked. */
    private IntentResolver.Resolution pagesWeighed(IntentResolver.Resolution resolution, PagesForQuestion pages) {
        if (!resolution.contenders().isEmpty() && resolution.contenders().stream()
                .allMatch(match -> weakServiceMatchElsewhere(match, pages))) {
            return IntentResolver.Resolution.nothing(resolution.best());
        }
        return resolution;
    }

    /**
     * The pages retrieved for a question, read in its conversation, and the pages of the services it
     * is weighed against: each retrieved once in a turn, on first need.
     */
    private final class PagesForQuestion {
        private final String query;
        private final List<Turn> history;
        private final Map<String, Optional<String>> servicePages = new LinkedHashMap<>();
        private PageAnswers.Retrieval retrieval;

        PagesForQuestion(String query, List<Turn> history) {
            this.query = query;
            this.history = history;
        }

        PageAnswers.Retrieval retrieval() {
            if (retrieval == null) {
                retrieval = pageAnswers.retrieveInContext(query, history);
            }
            return retrieval;
        }

        /** The page a service's name and description retrieve first: the council's page about it. */
        Optional<String> servicePage(IntentDefinition intent) {
            return servicePages.computeIfAbsent(intent.serviceCode(), code -> catalogue.flatMap(c -> c.service(code))
                    .flatMap(service -> retriever.retrieve(KnowledgeQuery.of(
                            service.name() + " " + service.description(), 1)).stream().findFirst())
                    .map(Passage::url));
        }
    }

    /**
     * A form intent matched only weakly (below the override floor) while the council's pages answer
     * the question from a page other than the service's own: the resident most likely asked about
     * something near the service ("a garden waste bin" is not a litter bin), so the page answers and
     * the form stays one tap away. The service's page is the one its name and description retrieve.
     */
    private boolean weakServiceMatchElsewhere(IntentMatch match, PagesForQuestion pages) {
        IntentDefinition intent = match.intent();
        if (intent.action() != Action.FORM || match.similarity() >= overrideFloor) {
            return false;
        }
        if (!answerability.answers(pages.retrieval().passages())) {
            return false;
        }
        Optional<String> servicePage = pages.servicePage(intent);
        return servicePage.isPresent() && pages.retrieval().passages().stream().map(Passage::url).distinct()
                .limit(SERVICE_PAGE_DEPTH).noneMatch(servicePage.get()::equals);
    }

    /**
     * A form intent matched a little below the floor by a message that states a problem in the very
     * words the catalogue gives for the service ("there's graffiti on the bus shelter" and the
     * keyword "graffiti"): the wording confirms the reading even when no page is about the service.
     */
    private boolean reportNamedInItsWords(IntentMatch match, String text) {
        if (match.intent().action() != Action.FORM || match.similarity() < corroboratedIntentFloor
                || QuestionWording.asksToKnow(text) || QuestionWording.asksAnywhere(text)
                || !AnswerKind.askedBy(text).isEmpty()) {
            return false;
        }
        String lower = " " + wordsOf(text) + " ";
        return match.intent().examples().stream()
                .map(ReplyPlanner::wordsOf)
                .filter(example -> !example.isEmpty() && !example.startsWith("report ") && !example.startsWith("i want to"))
                .anyMatch(example -> lower.contains(" " + example + " "));
    }

    private static final java.util.regex.Pattern NOT_A_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Lower-case words separated by single spaces, for whole-phrase comparison. */
    private static String wordsOf(String text) {
        return String.join(" ", NOT_A_WORD.split(text.toLowerCase(java.util.Locale.ROOT))).strip();
    }

    /**
     * A form intent matched a little below the floor by a message that states a problem rather than
     * asks a question, whose best page is the service's own page: the page confirms the reading
     * ("dog mess all over the footpath" and the dog fouling page), so the form starts.
     */
    private boolean reportCorroboratedByPage(IntentMatch match, String text, PagesForQuestion pages) {
        if (match.intent().action() != Action.FORM || match.similarity() < corroboratedIntentFloor
                || QuestionWording.asksToKnow(text) || QuestionWording.asksAnywhere(text)
                // "bin day ashcombe" asks for a day, in keywords: not a problem stated
                || !AnswerKind.askedBy(text).isEmpty()) {
            return false;
        }
        List<Passage> passages = pages.retrieval().passages();
        return !passages.isEmpty() && pages.servicePage(match.intent()).filter(passages.get(0).url()::equals).isPresent();
    }


    private BotReply outOfScope(IntentMatch match, String query) {
        return fixed(replies.outOfScope(match.intent().reply()), Action.OUT_OF_SCOPE,
                intentWhy(match, query, "not something the council's assistant can help with"), List.of());
    }

    private static Rationale intentWhy(IntentMatch match, String query, String reason) {
        return new Rationale(match.intent().name(), match.similarity(), String.format(
                "%s (closest example '%s', similarity %.2f)", reason, match.nearestExample(), match.similarity()),
                query, List.of());
    }

    /** The reply to a greeting, thanks or goodbye ({@code kind} as {@link Understanding} names them). */
    private BotReply smalltalk(String kind, Rationale why) {
        return switch (kind) {
            case Understanding.GREETING -> fixed(replies.greeting(), Action.SMALLTALK, why, replies.greetingQuickReplies());
            case Understanding.THANKS -> fixed(replies.thanks(), Action.SMALLTALK, why, List.of());
            default -> fixed(replies.goodbye(), Action.SMALLTALK, why, List.of());
        };
    }

    private BotReply person(Rationale why) {
        return fixed(replies.person(), Action.HANDOFF, why, List.of());
    }

    private BotReply frustrated(Rationale why) {
        return fixed(replies.sorry() + " " + replies.person(), Action.HANDOFF, why, List.of());
    }

    private BotReply declined(String because, Rationale why) {
        return fixed(replies.outOfScope(because), Action.OUT_OF_SCOPE, why, List.of());
    }

    private static Rationale smalltalkWhy(Understanding understanding) {
        return new Rationale(understanding.intent(), understanding.confidence(), "smalltalk", "", List.of());
    }

    private static BotReply fixed(String text, Action action, Rationale why, List<String> quickReplies) {
        return new BotReply(text, action, List.of(), List.of(), quickReplies, why);
    }

    /** "Actually I want to report fly-tipping instead": a request to report another service, mid-form. */
    private static final java.util.regex.Pattern NEW_REPORT = java.util.regex.Pattern.compile(
            "\\b(report|reporting|complain|complaint|instead|rather than|different thing|something else)\\b");

    /** Another catalogue service the resident asks to report in the middle of a form, if that is what the message is. */
    private Optional<ServiceDefinition> otherServiceAsked(FormState form, String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (catalogue.isEmpty() || form.offeredService().isPresent() || !NEW_REPORT.matcher(lower).find()
                || lower.contains("?") || QuestionWording.asksToKnow(text)) {
            return Optional.empty();
        }
        return configuredIntents.resolve(text).chosen()
                .filter(match -> match.intent().action() == Action.FORM
                        && !match.intent().serviceCode().equals(form.serviceCode()))
                .flatMap(match -> catalogue.get().service(match.intent().serviceCode()));
    }

    /**
     * A question asked in the middle of a form, answered; one the pages cannot answer on its own
     * ("what's the fine for not picking it up?") is asked again about the form's service.
     */
    private BotReply answeredInForm(String conversationId, FormState form, String text, List<Turn> history) {
        if (pageAnswers.leansOnContext(text)) {
            // "how long will it take you to clear it?" is about the report being made.
            BotReply aboutService = pageAnswers.answer(conversationId, text + " " + form.serviceName(), history);
            if (aboutService.action() == Action.ANSWER) {
                return aboutService;
            }
        }
        BotReply answer = understandAndAct(conversationId, text, history);
        if (answer.action() != Action.DONT_KNOW) {
            return answer;
        }
        BotReply inContext = pageAnswers.answer(conversationId, text + " " + form.serviceName(), history);
        return inContext.action() == Action.ANSWER ? inContext : answer;
    }

    /** The next turn of a bin-day lookup; a question asked meanwhile is answered and the lookup stays open. */
    private BotReply continueLookup(String conversationId, FormState lookup, String text, List<Turn> history) {
        Rationale why = new Rationale("lookup:" + lookup.serviceCode(), 1.0, "continuing the "
                + lookup.serviceCode() + " lookup", "", List.of());
        Optional<BotReply> reply = lookups.get().next(lookup, text, why,
                query -> pageAnswers.answer(conversationId, query, history));
        if (reply.isPresent()) {
            return reply.get();
        }
        BotReply answer = understandAndAct(conversationId, text, history);
        if (answer.form().isPresent() || answer.action() != Action.ANSWER && answer.action() != Action.DONT_KNOW
                && answer.action() != Action.CLARIFY) {
            return answer;
        }
        return new BotReply(answer.text() + "\n\n" + lookups.get().reminder(lookup), answer.action(), answer.citations(),
                answer.related(), answer.quickReplies(), answer.why(), Optional.of(lookup));
    }
}
