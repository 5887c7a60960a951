package org.councilbot.core;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Looks up a resident's bin collection days: asks for the postcode, picks the address there with
 * the resident (the same picker as the forms' where question) and says each round's next date.
 *
 * <p>It runs as a one-question form of kind {@link FormState.Kind#LOOKUP}, so a restart between
 * turns loses nothing. When a lookup cannot be done (the directory or the schedule is down, the
 * address is not in the list) the resident is told so plainly and given the council's pages' answer.
 */
final class BinDayLookup {
    /** The lookup an intent names ({@code service: bin-collections}) to run this. */
    static final String CODE = "bin-collections";
    static final String NAME = "Bin collection days";
    static final String CANCEL = "Cancel";
    /** What the council's pages are asked for the link to their collections page and when a lookup cannot be done. */
    static final String PAGES_QUESTION = "Which day are bins collected in each area?";
    /** Asked about the resident's own bins ("my", "our", "this week") rather than the service in general. */
    private static final Pattern PERSONAL = Pattern.compile("\\b(my|our|mine|me|i|i'm|im|we|us|this week|next week|"
            + "today|tomorrow)\\b");
    /** A question about when collections are: the day, the date, the week or which bin. */
    private static final Pattern ASKS_WHEN = Pattern.compile("\\b(when|what day|which day|what days|which days|"
            + "what date|which date|what dates|which bin|which bins|which week|what week|bin day|bin days|"
            + "collection day|collection days|collection date|collection dates|day of collection)\\b");
    /** A place named in the question ("in Oakhurst"): the pages' table by area answers it. */
    private static final Pattern NAMES_A_PLACE = Pattern.compile("\\b(?:in|at) [A-Z][a-z]+");
    private static final Pattern ADDRESS_ATTEMPT = Pattern.compile("\\d");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final AddressPicker addresses;
    private final CollectionSchedule schedule;
    private final Clock clock;
    private final CouncilProfile council;

    BinDayLookup(AddressPicker addresses, CollectionSchedule schedule, Clock clock, CouncilProfile council) {
        this.addresses = addresses;
        this.schedule = schedule;
        this.clock = clock;
        this.council = council;
    }

    /** Whether an intent asks for this lookup. */
    static boolean handles(IntentDefinition intent) {
        return intent.action() == Action.LOOKUP && intent.serviceCode().equalsIgnoreCase(CODE);
    }

    /**
     * Whether the message asks about the resident's own collections (or gives a postcode); a
     * general question ("domestic waste collection days", "when are bins collected in Oakhurst")
     * is answered from the pages, with the lookup offered.
     */
    static boolean personal(String text) {
        if (UkPostcodes.find(text).isPresent()) {
            return true;
        }
        return PERSONAL.matcher(FormCommands.lower(text)).find() && !NAMES_A_PLACE.matcher(text).find();
    }

    /**
     * Whether a message asks when collections are ("when is my bin day", "which bin goes out this
     * week", "collection days"); only such messages may be read as this lookup, so "my bin wasn't
     * collected" stays a report and "what can I put in my food caddy" a question for the pages.
     */
    static boolean asksWhen(String text) {
        return ASKS_WHEN.matcher(FormCommands.lower(text)).find();
    }

    /**
     * Starts a lookup; a postcode in the same message is looked up straight away.
     *
     * @param pages the council's pages' answer to a question, for the link to their collections
     *              page and for when the lookup cannot be done
     */
    BotReply start(String text, Rationale why, Function<String, BotReply> pages) {
        FormState state = new FormState(CODE, NAME, FormState.Stage.COLLECTING, Map.of(),
                List.of(FormFields.lookupAddress()), Optional.of(FormFields.LOCATION), Optional.empty(),
                Optional.empty(), FormState.Kind.LOOKUP, Optional.empty(), Optional.empty());
        Optional<AddressPicker.Step> step = addresses.lookUp(text);
        if (step.isPresent()) {
            return reply(state, step.get(), why, pages);
        }
        return lookupReply("I can look up your bin collection days. What's your postcode?", state, why, List.of(),
                List.of(CANCEL));
    }

    /**
     * The next turn of an open lookup; empty when the message is not for it (a question for the
     * pages), which the engine answers before reminding the resident.
     */
    Optional<BotReply> next(FormState state, String text, Rationale why, Function<String, BotReply> pages) {
        String lower = FormCommands.lower(text);
        if (FormCommands.cancels(lower, false) || lower.equals("cancel")) {
            return Optional.of(lookupReply("OK, I won't look up your collection days.", state.at(
                    FormState.Stage.CANCELLED, state.answers(), Optional.empty()), why, List.of(), List.of()));
        }
        Optional<FormState.AddressChoice> choice = state.addressChoice().filter(c -> !c.addresses().isEmpty());
        if (choice.isPresent() && !FormCommands.asksQuestion(lower, false)) {
            return Optional.of(reply(state, addresses.choose(choice.get(), text), why, pages));
        }
        Optional<AddressPicker.Step> step = addresses.lookUp(text);
        if (step.isPresent()) {
            return Optional.of(reply(state, step.get(), why, pages));
        }
        if (FormCommands.asksQuestion(lower, false) || lower.endsWith("?") || !ADDRESS_ATTEMPT.matcher(lower).find()) {
            return Optional.empty();
        }
        return Optional.of(lookupReply("I need your postcode to find your address, for example as it is on a "
                + "council tax bill. What's your postcode?", state, why, List.of(), List.of(CANCEL)));
    }

    /** What to say after answering a question asked in the middle of a lookup. */
    String reminder(FormState state) {
        return state.addressChoice().filter(choice -> !choice.addresses().isEmpty())
                .map(choice -> "If you'd still like your bin collection days: " + AddressPicker.offer(choice.postcode(),
                        choice.addresses(), "").text())
                .orElse("If you'd still like your bin collection days, tell me your postcode.");
    }

    private BotReply reply(FormState state, AddressPicker.Step step, Rationale why, Function<String, BotReply> pages) {
        return switch (step) {
            case AddressPicker.Step.Picked picked -> collections(state, picked.address(), why, pages);
            case AddressPicker.Step.Offered offered -> lookupReply(offered.text(),
                    state.withAddressChoice(Optional.of(offered.choice())), why, List.of(),
                    withCancel(offered.quickReplies()));
            case AddressPicker.Step.NoneFound none -> lookupReply("I couldn't find any addresses at " + none.postcode()
                    + ". Please check the postcode and send it again.", state.withAddressChoice(Optional.empty()), why,
                    List.of(), List.of(CANCEL));
            case AddressPicker.Step.Unavailable unavailable -> cannot("Sorry, I can't look up addresses just now.",
                    state, why, pages);
            case AddressPicker.Step.NotListed notListed -> cannot("Sorry, I can only look up collection days for "
                    + "addresses in the council's address list.", state, why, pages);
        };
    }

    private BotReply collections(FormState state, PropertyAddress address, Rationale why,
                                 Function<String, BotReply> pages) {
        FormState found = state.at(FormState.Stage.SUBMITTED, Map.of(FormFields.LOCATION,
                FormAnswers.locationValues(address)), Optional.empty());
        List<BinCollection> collections;
        try {
            collections = schedule.collectionsAt(address);
        } catch (LookupUnavailableException e) {
            return cannot("Sorry, I can't look up collection days just now.", found, why, pages);
        }
        if (collections.isEmpty()) {
            return cannot("I couldn't find collection days for " + address.singleLine() + " in the council's records.",
                    found, why, pages);
        }
        LocalDate today = LocalDate.now(clock);
        StringBuilder text = new StringBuilder("Bin collections at " + address.singleLine() + ":");
        collections.stream().sorted(Comparator.comparing(BinCollection::next)).forEach(collection -> text
                .append("\n- ").append(collection.round()).append(": ").append(when(collection.next(), today))
                .append(collection.frequency().isBlank() ? "" : ", " + collection.frequency()));
        BotReply page = pages.apply(PAGES_QUESTION);
        List<Citation> citations = page.action() == Action.ANSWER ? page.citations() : List.of();
        return lookupReply(text.toString(), found, why, citations, List.of());
    }

    /** The lookup cannot be done: say so, and give what the council's pages say about collection days. */
    private BotReply cannot(String sorry, FormState state, Rationale why, Function<String, BotReply> pages) {
        FormState closed = state.at(FormState.Stage.CANCELLED, state.answers(), Optional.empty());
        BotReply page = pages.apply(PAGES_QUESTION);
        if (page.action() == Action.ANSWER) {
            return lookupReply(sorry + " This is what the council's website says:\n\n" + page.text(), closed, why,
                    page.citations(), List.of());
        }
        return lookupReply(sorry + " Please try again later, or call " + council.contactPhone() + " ("
                + council.officeHours() + ").", closed, why, List.of(), List.of());
    }

    private static String when(LocalDate date, LocalDate today) {
        String day = (date.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(date);
        if (date.equals(today)) {
            return day + " (today)";
        }
        return date.equals(today.plusDays(1)) ? day + " (tomorrow)" : day;
    }

    private static List<String> withCancel(List<String> quickReplies) {
        List<String> replies = new java.util.ArrayList<>(quickReplies);
        replies.add(CANCEL);
        return replies;
    }

    private static BotReply lookupReply(String text, FormState state, Rationale why, List<Citation> citations,
                                        List<String> quickReplies) {
        return new BotReply(text, Action.LOOKUP, citations, List.of(), quickReplies, why, Optional.of(state));
    }
}
