package org.councilbot.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a service-request form over several turns: asks each field, checks answers, lets the
 * resident skip, go back, correct, change or cancel, confirms a summary and hands the request to
 * the intake.
 *
 * <p>All state travels in {@link FormState} on each reply, so nothing is held here between turns.
 */
final class ServiceRequestForms {
    static final String SEND = "Yes, send it";
    static final String CHANGE = "Change something";
    static final String CANCEL = "Cancel report";
    static final String SKIP = "Skip";
    static final String CARRY_ON = "No, carry on";
    private static final Pattern CHANGE_WORDS = Pattern.compile("^(change|edit|correct|fix|no|wrong|that'?s wrong|"
            + "not quite|go back)\\b.*");
    private static final Pattern CARRY_ON_WORDS = Pattern.compile("^(no|nope|nah|carry on|continue|keep going|"
            + "stay|don'?t)\\b");
    private final Optional<ServiceCatalogue> catalogue;
    private final ServiceRequestIntake intake;
    private final AddressPicker addresses;
    private final Clock clock;
    private final Supplier<String> references;
    private final CouncilProfile council;
    private final Optional<OptionMeaning> meaning;

    /** What a turn inside a form came to: a reply, or a question to answer before asking again. */
    record Outcome(Optional<BotReply> reply, Optional<FormState> interruptedForm) {
        static Outcome reply(BotReply reply) {
            return new Outcome(Optional.of(reply), Optional.empty());
        }

        static Outcome interrupted(FormState form) {
            return new Outcome(Optional.empty(), Optional.of(form));
        }
    }

    ServiceRequestForms(Optional<ServiceCatalogue> catalogue, ServiceRequestIntake intake, AddressPicker addresses,
                        Clock clock, Supplier<String> references, CouncilProfile council) {
        this(catalogue, intake, addresses, clock, references, council, Optional.empty());
    }

    /** With {@code meaning}, list answers that name no option in words are read by meaning. */
    ServiceRequestForms(Optional<ServiceCatalogue> catalogue, ServiceRequestIntake intake, AddressPicker addresses,
                        Clock clock, Supplier<String> references, CouncilProfile council,
                        Optional<OptionMeaning> meaning) {
        this.meaning = meaning;
        this.catalogue = catalogue;
        this.intake = intake;
        this.addresses = addresses;
        this.clock = clock;
        this.references = references;
        this.council = council;
    }

    BotReply start(ServiceDefinition service, Rationale why) {
        return start(service, why, "", "");
    }

    /** Starts the form with what the resident's first message already says taken as answers. */
    BotReply start(ServiceDefinition service, Rationale why, String firstMessage) {
        return start(service, why, "", firstMessage);
    }

    private BotReply start(ServiceDefinition service, Rationale why, String before, String firstMessage) {
        List<FormField> fields = FormFields.of(service);
        Map<String, List<String>> given = FirstMessageAnswers.of(fields, firstMessage, LocalDate.now(clock));
        Optional<FormField> first = fields.stream().filter(field -> !given.containsKey(field.code())).findFirst();
        FormState state = new FormState(service.code(), service.name(), FormState.Stage.COLLECTING, given, fields,
                first.map(FormField::code), Optional.empty(), Optional.empty());
        String notes = FormFields.notes(service);
        StringBuilder taken = new StringBuilder();
        for (FormField field : fields) {
            if (given.containsKey(field.code())) {
                taken.append(taken.isEmpty() ? " From your message I've noted " : "; ").append(field.label())
                        .append(": ").append(shown(field, given.get(field.code())));
            }
        }
        String lead = before + "I can take a report of " + lowerFirst(service.name()) + " for " + council.name() + "."
                + (taken.isEmpty() ? "" : taken + ".") + (notes.isBlank() ? "" : " " + notes)
                + " You can say cancel at any time.";
        if (first.isEmpty()) {
            FormState confirming = state.at(FormState.Stage.CONFIRMING, given, Optional.empty());
            return formReply(lead + " " + summary(confirming), confirming, why, quickReplies(confirming));
        }
        return ask(state, lead, why);
    }

    /**
     * Offers to stop this form and report another service instead ("actually I want to report
     * fly-tipping instead"); nothing changes until the resident says yes.
     */
    BotReply offerSwitch(FormState state, ServiceDefinition other, Rationale why) {
        FormState offering = state.withOfferedService(Optional.of(other.code()));
        return formReply("Would you like to stop this report of " + lowerFirst(state.serviceName()) + " and report "
                + lowerFirst(other.name()) + " instead? Nothing has been sent yet.", offering, why,
                List.of(switchReply(other), CARRY_ON));
    }

    Outcome next(FormState state, String text, String conversationId, Rationale why) {
        String lower = FormCommands.lower(text);
        if (state.offeredService().isPresent()) {
            Optional<BotReply> answered = answerOffer(state, lower, why);
            if (answered.isPresent()) {
                return Outcome.reply(answered.get());
            }
            state = state.withOfferedService(Optional.empty());
        }
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return confirming(state, text, lower, conversationId, why);
        }
        FormField field = state.currentField().orElseThrow(
                () -> new CouncilbotException("form_state_invalid", "An open form has no current field."));
        if (FormCommands.cancels(lower, FormFields.isFreeText(field))) {
            return Outcome.reply(cancelled(state, why));
        }
        if (field.kind() == FormField.FieldKind.LOCATION && state.addressChoice().isPresent()
                && !state.addressChoice().get().addresses().isEmpty()) {
            if (FormCommands.asksQuestion(lower, false)) {
                return Outcome.interrupted(state);
            }
            return Outcome.reply(picked(state, field, addresses.choose(state.addressChoice().get(), text), text, why));
        }
        Optional<BotReply> changed = changeRequested(state, field, text, lower, conversationId, why);
        if (changed.isPresent()) {
            return Outcome.reply(changed.get());
        }
        boolean freeTextAnswer = field.kind() == FormField.FieldKind.TEXT || field.kind() == FormField.FieldKind.STRING;
        Optional<AttributeOption> exactOption = field.options().stream()
                .filter(option -> option.name().equalsIgnoreCase(OptionMatcher.clean(text))).findFirst();
        if (exactOption.isEmpty() && field.kind() != FormField.FieldKind.YES_NO
                && FormCommands.asksQuestion(lower, freeTextAnswer)) {
            return Outcome.interrupted(state);
        }
        boolean goesBack = FormCommands.goesBack(lower, FormFields.isFreeText(field));
        if (goesBack || FormCommands.corrects(lower, FormFields.isFreeText(field))) {
            boolean answersThis = !field.options().isEmpty() && !goesBack && !FormChanges.optionValues(field, text).isEmpty();
            Optional<FormChanges.Correction> correction = answersThis ? Optional.empty() : FormChanges.correction(state, Optional.of(field), text);
            if (correction.isPresent()) {
                return Outcome.reply(corrected(state, correction.get(), why));
            }
            if (goesBack) {
                return Outcome.reply(back(state, field, why));
            }
        }
        // A list's own options win over skip words: "no" and "not sure" are answers to yes/no/not sure.
        if (!field.options().isEmpty()) {
            List<String> values = FormChanges.optionValues(field, text);
            if (!values.isEmpty()) {
                return Outcome.reply(advance(state, field, values, why, ""));
            }
        }
        if (declines(field, lower)) {
            if (field.required()) {
                String lead = !field.options().isEmpty() && OptionMatcher.isUnsure(lower)
                        ? "This one is needed for the report; if you're not sure, choose the closest."
                        : "This one is needed for the report.";
                return Outcome.reply(ask(state, lead, why));
            }
            return Outcome.reply(advance(state, field, List.of(), why, ""));
        }
        if (field.kind() == FormField.FieldKind.LOCATION) {
            Optional<BotReply> located = located(state, field, text, why);
            if (located.isPresent()) {
                return Outcome.reply(located.get());
            }
        }
        FormAnswers.Reading reading = FormAnswers.read(field, text, LocalDate.now(clock));
        if (!reading.ok()) {
            Optional<FormChanges.Correction> correction = FormChanges.correction(state, Optional.of(field), text);
            if (correction.isPresent()) {
                return Outcome.reply(corrected(state, correction.get(), why));
            }
            if (lower.endsWith("?") || FormCommands.asksQuestion(lower, false)) {
                return Outcome.interrupted(state);
            }
            Optional<AttributeOption> meant = field.options().isEmpty() ? Optional.empty()
                    : meaning.flatMap(reader -> reader.closest(field.options(), text));
            if (meant.isPresent()) {
                // Said back, so a wrong reading is seen and put right at once.
                return Outcome.reply(advance(state, field, List.of(meant.get().key()), why,
                        "I've put that down as \"" + meant.get().name() + "\"."));
            }
            return Outcome.reply(ask(state, reading.problem(), why));
        }
        List<String> values = reading.values();
        if (field.kind() == FormField.FieldKind.LOCATION && values.size() > 1 && values.get(1).isEmpty()
                && state.addressChoice().isPresent()) {
            // Described in words after a postcode the directory could not help with: keep the postcode.
            values = List.of(values.get(0), state.addressChoice().get().postcode());
        }
        return Outcome.reply(advance(state, field, values, why, ""));
    }

    /** The question the form is waiting on, to repeat after answering an interrupting question. */
    String prompt(FormState state) {
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return "Shall I send your report?";
        }
        Optional<AddressPicker.Step.Offered> offered = offered(state);
        if (offered.isPresent()) {
            return offered.get().text();
        }
        return state.currentField().map(FormField::question).orElse("");
    }

    List<String> quickReplies(FormState state) {
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return List.of(SEND, CHANGE, CANCEL);
        }
        Optional<AddressPicker.Step.Offered> offered = offered(state);
        if (offered.isPresent()) {
            return withCancel(offered.get().quickReplies());
        }
        Optional<FormField> field = state.currentField();
        if (field.isEmpty()) {
            return List.of();
        }
        List<String> replies = new ArrayList<>(field.get().options().stream().map(AttributeOption::name).toList());
        if (field.get().kind() == FormField.FieldKind.YES_NO) {
            replies.addAll(List.of("Yes", "No"));
        } else if (!field.get().required()) {
            replies.add(SKIP);
        }
        replies.add(CANCEL);
        return replies;
    }

    /** The addresses still offered for the where question, as they were offered. */
    private static Optional<AddressPicker.Step.Offered> offered(FormState state) {
        return state.addressChoice().filter(choice -> !choice.addresses().isEmpty())
                .map(choice -> AddressPicker.offer(choice.postcode(), choice.addresses(), ""));
    }

    private Optional<BotReply> answerOffer(FormState state, String lower, Rationale why) {
        String code = state.offeredService().orElseThrow();
        Optional<ServiceDefinition> other = catalogue.flatMap(c -> c.service(code));
        if (other.isPresent() && (FormAnswers.isYes(lower) || lower.equalsIgnoreCase(switchReply(other.get())))) {
            return Optional.of(start(other.get(), new Rationale("form:" + code, 1.0, "switched from the "
                    + state.serviceCode() + " form at the resident's request", "", List.of()),
                    "OK, I've stopped your report of " + lowerFirst(state.serviceName()) + "; nothing was sent. ", ""));
        }
        if (CARRY_ON_WORDS.matcher(lower).find()) {
            FormState carryingOn = state.withOfferedService(Optional.empty());
            if (carryingOn.stage() == FormState.Stage.CONFIRMING) {
                return Optional.of(formReply("OK, let's carry on. " + prompt(carryingOn), carryingOn, why,
                        quickReplies(carryingOn)));
            }
            return Optional.of(ask(carryingOn, "OK, let's carry on.", why));
        }
        return Optional.empty();
    }

    private static String switchReply(ServiceDefinition other) {
        return "Yes, report " + lowerFirst(other.name());
    }

    private BotReply cancelled(FormState state, Rationale why) {
        FormState cancelled = state.at(FormState.Stage.CANCELLED, state.answers(), Optional.empty());
        return formReply("OK, I've cancelled your report of " + lowerFirst(state.serviceName())
                + ". Nothing was sent to the council.", cancelled, why, List.of());
    }

    /** Whether the answer declines to give one: skip words, or for an optional question a plain "no, that's all". */
    private static boolean declines(FormField field, String lower) {
        if (field.kind() == FormField.FieldKind.YES_NO) {
            return false;
        }
        if (FormCommands.skips(lower)) {
            return true;
        }
        if (field.required()) {
            return false;
        }
        return field.kind() == FormField.FieldKind.STRING ? FormCommands.denies(lower)
                : FormCommands.saysNothingMore(lower);
    }

    /**
     * A where answer with a postcode, when the council has an address directory: the addresses there
     * are offered. Empty when the answer is to be read as the resident's own words.
     */
    private Optional<BotReply> located(FormState state, FormField field, String text, Rationale why) {
        Optional<FormState.AddressChoice> describing = state.addressChoice();
        Optional<String> postcode = UkPostcodes.find(text);
        if (describing.isPresent() && (postcode.isEmpty() || postcode.get().equals(describing.get().postcode()))) {
            return Optional.empty();
        }
        return addresses.lookUp(text).map(step -> picked(state, field, step, text, why));
    }

    private BotReply picked(FormState state, FormField field, AddressPicker.Step step, String text, Rationale why) {
        return switch (step) {
            case AddressPicker.Step.Picked picked -> advance(state, field,
                    FormAnswers.locationValues(picked.address()), why, "Thanks, I've got "
                            + picked.address().singleLine() + ".");
            case AddressPicker.Step.Offered offered -> formReply(offered.text(),
                    state.withAddressChoice(Optional.of(offered.choice())), why, withCancel(offered.quickReplies()));
            case AddressPicker.Step.NotListed notListed -> notListed.description().isEmpty()
                    ? formReply("No problem. Please describe where it is: the street and nearest house number or "
                    + "landmark.", state.withAddressChoice(Optional.of(new FormState.AddressChoice(notListed.postcode(),
                    List.of()))), why, List.of(CANCEL))
                    : advance(state, field, List.of(notListed.description(), notListed.postcode()), why, "");
            case AddressPicker.Step.NoneFound none -> formReply("I couldn't find any addresses at " + none.postcode()
                    + ". Please check the postcode, or describe the place in words: the street and nearest house "
                    + "number or landmark.", state.withAddressChoice(Optional.empty()), why, List.of(CANCEL));
            case AddressPicker.Step.Unavailable unavailable -> unavailable.rest().split("\\s+").length >= 2
                    ? advance(state, field, List.of(text.strip(), unavailable.postcode()), why,
                    "I can't check addresses just now, so I've noted the place as you gave it.")
                    : formReply("I can't look up addresses just now. Please describe the place in words: the street "
                    + "and nearest house number or landmark.", state.withAddressChoice(Optional.of(
                    new FormState.AddressChoice(unavailable.postcode(), List.of()))), why, List.of(CANCEL));
        };
    }

    private static List<String> withCancel(List<String> quickReplies) {
        List<String> replies = new ArrayList<>(quickReplies);
        replies.add(CANCEL);
        return replies;
    }

    private Outcome confirming(FormState state, String text, String lower, String conversationId, Rationale why) {
        Optional<BotReply> changed = changeRequested(state, null, text, lower, conversationId, why);
        if (changed.isPresent()) {
            return Outcome.reply(changed.get());
        }
        if (FormCommands.cancels(lower, false)) {
            return Outcome.reply(cancelled(state, why));
        }
        if (FormAnswers.isYes(lower) || FormCommands.sends(lower)) {
            return Outcome.reply(submit(state, conversationId, why));
        }
        Optional<FormChanges.Correction> correction = FormChanges.correction(state, Optional.empty(), text);
        if (correction.isPresent()) {
            return Outcome.reply(corrected(state, correction.get(), why));
        }
        if (lower.endsWith("?") || FormCommands.asksQuestion(lower, false)) {
            return Outcome.interrupted(state);
        }
        if (CHANGE_WORDS.matcher(lower).matches() || FormCommands.asksToChange(lower, false)) {
            return Outcome.reply(formReply("Which answer would you like to change?", state, why,
                    state.fields().stream().filter(field -> state.answers().containsKey(field.code()))
                            .map(ServiceRequestForms::label).toList()));
        }
        return Outcome.reply(formReply("Please say yes to send your report, or tell me what to change.", state, why,
                quickReplies(state)));
    }

    /**
     * "Change the address", "I put the wrong house number", "can I change how often it happens":
     * the question named by its label's words (or, for the standard ones, the usual words for them)
     * is asked again, or when the message carries the new value ("...to 16 High Street") that is
     * read as the answer straight away. Only answered questions can be changed; mid-form the one
     * being asked is not a change.
     */
    private Optional<BotReply> changeRequested(FormState state, FormField asking, String text, String lower,
                                               String conversationId, Rationale why) {
        Optional<FormField> tapped = asking != null ? Optional.empty() : state.fields().stream()
                .filter(field -> state.answers().containsKey(field.code()))
                .filter(field -> label(field).equalsIgnoreCase(OptionMatcher.clean(text))).findFirst();
        if (tapped.isPresent()) {
            // A label tapped from "Which answer would you like to change?".
            return Optional.of(ask(state.at(FormState.Stage.COLLECTING, state.answers(),
                    Optional.of(tapped.get().code())), "OK, let's change that.", why));
        }
        if (!FormCommands.asksToChange(lower, asking != null && FormFields.isFreeText(asking))) {
            return Optional.empty();
        }
        Optional<FormField> named = FormChanges.namedField(state, asking, lower);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        FormField field = named.get();
        FormState changing = state.at(FormState.Stage.COLLECTING, state.answers(), Optional.of(field.code()));
        Optional<String> value = FormChanges.newValue(field, state, text);
        if (value.isPresent()) {
            Outcome outcome = next(changing, value.get(), conversationId, why);
            if (outcome.reply().isPresent()) {
                return outcome.reply();
            }
        }
        return Optional.of(ask(changing, "OK, let's change that.", why));
    }

    private BotReply corrected(FormState state, FormChanges.Correction correction, Rationale why) {
        Map<String, List<String>> answers = new HashMap<>(state.answers());
        answers.put(correction.field().code(), correction.values());
        String lead = "OK, I've changed \"" + label(correction.field()) + "\" to "
                + shown(correction.field(), correction.values()) + ".";
        if (state.stage() == FormState.Stage.CONFIRMING) {
            FormState confirming = state.at(FormState.Stage.CONFIRMING, answers, Optional.empty());
            return formReply(lead + " " + summary(confirming), confirming, why, quickReplies(confirming));
        }
        return ask(state.at(FormState.Stage.COLLECTING, answers, state.current()), lead, why);
    }

    /** "Go back": the question before this one is asked again; its answer stands until replaced. */
    private BotReply back(FormState state, FormField field, Rationale why) {
        Optional<FormField> previous = Optional.empty();
        for (FormField candidate : state.fields()) {
            if (candidate.code().equals(field.code())) {
                break;
            }
            if (state.answers().containsKey(candidate.code()) && applies(candidate, state.answers())) {
                previous = Optional.of(candidate);
            }
        }
        if (previous.isEmpty()) {
            return ask(state, "This is the first question.", why);
        }
        return ask(state.at(FormState.Stage.COLLECTING, state.answers(), Optional.of(previous.get().code())),
                "OK, back a step.", why);
    }

    private BotReply advance(FormState state, FormField field, List<String> values, Rationale why, String lead) {
        Map<String, List<String>> answers = new HashMap<>(state.answers());
        answers.put(field.code(), values);
        Optional<FormField> next = state.fields().stream()
                .filter(candidate -> !answers.containsKey(candidate.code()))
                .filter(candidate -> applies(candidate, answers))
                .findFirst();
        if (next.isPresent()) {
            return ask(state.at(FormState.Stage.COLLECTING, answers, Optional.of(next.get().code())), lead, why);
        }
        FormState confirming = state.at(FormState.Stage.CONFIRMING, answers, Optional.empty());
        return formReply((lead.isBlank() ? "" : lead + " ") + summary(confirming), confirming, why,
                quickReplies(confirming));
    }

    /** Consent is only asked of residents who gave contact details. */
    private static boolean applies(FormField field, Map<String, List<String>> answers) {
        if (field.code().equals(FormFields.CONSENT)) {
            return !answers.getOrDefault(FormFields.CONTACT, List.of()).isEmpty();
        }
        return true;
    }

    private BotReply submit(FormState state, String conversationId, Rationale why) {
        ServiceRequest request = request(state, conversationId);
        IntakeReceipt receipt;
        try {
            receipt = intake.accept(request);
        } catch (CouncilbotException e) {
            return formReply("Sorry, I couldn't save your report just now. Please say yes to try again in a moment, "
                    + "or call " + council.contactPhone() + ".", state, why, quickReplies(state));
        }
        FormState submitted = new FormState(state.serviceCode(), state.serviceName(), FormState.Stage.SUBMITTED,
                state.answers(), state.fields(), Optional.empty(), Optional.of(receipt.reference()),
                receipt.councilReference());
        String text = switch (receipt.state()) {
            case DELIVERED -> "Thank you, your report has been sent to " + council.name() + ". Your reference is "
                    + receipt.councilReference().orElse(receipt.reference()) + ".";
            case PENDING -> "Thank you, your report is saved (reference " + receipt.reference() + "). The council's "
                    + "system is busy, so it will be passed on shortly"
                    + (request.contact().consentToContact() ? " and the council's reference will be sent to you." : ".");
            case DEAD_LETTERED -> "Thank you, your report is saved (reference " + receipt.reference() + "). It could "
                    + "not be passed on automatically, so a member of staff will handle it.";
        };
        return formReply(text, submitted, why, List.of());
    }

    private ServiceRequest request(FormState state, String conversationId) {
        Map<String, List<String>> attributes = new HashMap<>();
        state.answers().forEach((code, values) -> {
            if (!FormFields.isStandard(code) && !values.isEmpty()) {
                attributes.put(code, values);
            }
        });
        List<String> contact = state.answers().getOrDefault(FormFields.CONTACT, List.of());
        String email = contact.stream().filter(FormAnswers::isEmail).findFirst().orElse("");
        String phone = contact.stream().filter(value -> !FormAnswers.isEmail(value)).findFirst().orElse("");
        boolean consent = state.answers().getOrDefault(FormFields.CONSENT, List.of()).contains("yes");
        return new ServiceRequest(references.get(), state.serviceCode(), attributes,
                FormAnswers.requestLocation(state.answers().getOrDefault(FormFields.LOCATION, List.of())),
                description(state), new ResidentContact("", email, phone, consent), conversationId, clock.instant());
    }

    /** The resident's own words about the problem: the "anything else" answer, or the catalogue's description attribute. */
    private static String description(FormState state) {
        if (state.fields().stream().anyMatch(field -> field.code().equals(FormFields.DETAILS))) {
            return String.join(" ", state.answers().getOrDefault(FormFields.DETAILS, List.of()));
        }
        return state.fields().stream().filter(FormFields::isDescription)
                .map(field -> String.join(" ", state.answers().getOrDefault(field.code(), List.of())))
                .filter(text -> !text.isBlank()).findFirst().orElse("");
    }

    private String summary(FormState state) {
        StringBuilder text = new StringBuilder("Please check your report of " + lowerFirst(state.serviceName()) + ":");
        for (FormField field : state.fields()) {
            List<String> values = state.answers().get(field.code());
            if (values == null || values.isEmpty() || field.code().equals(FormFields.CONSENT)) {
                continue;
            }
            text.append("\n- ").append(label(field)).append(": ").append(shown(field, values));
        }
        return text.append("\nShall I send it to the council?").toString();
    }

    private static String shown(FormField field, List<String> values) {
        if (field.kind() == FormField.FieldKind.LOCATION) {
            return values.get(0);
        }
        if (field.kind() == FormField.FieldKind.DATETIME) {
            return java.time.LocalDateTime.parse(values.get(0)).format(
                    java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mma", java.util.Locale.UK))
                    .replace("AM", "am").replace("PM", "pm");
        }
        List<String> shown = new ArrayList<>();
        for (String value : values) {
            shown.add(field.options().stream().filter(option -> option.key().equals(value))
                    .map(AttributeOption::name).findFirst().orElse(value));
        }
        return String.join(", ", shown);
    }

    static String label(FormField field) {
        return field.label();
    }

    private BotReply ask(FormState state, String lead, Rationale why) {
        String question = prompt(state);
        Optional<FormField> field = state.currentField();
        String options = field.isPresent() && !field.get().options().isEmpty() && field.get().options().size() > 6
                ? " Options: " + FormAnswers.names(field.get().options()) + "." : "";
        return formReply((lead.isBlank() ? "" : lead + " ") + question + options, state, why, quickReplies(state));
    }

    private static BotReply formReply(String text, FormState state, Rationale why, List<String> quickReplies) {
        return new BotReply(text, Action.FORM, List.of(), List.of(), quickReplies, why, Optional.of(state));
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
