package org.councilbot.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a service-request form over several turns: asks each field, checks answers, lets the
 * resident skip, change or cancel, confirms a summary and hands the request to the intake.
 *
 * <p>All state travels in {@link FormState} on each reply, so nothing is held here between turns.
 */
final class ServiceRequestForms {
    static final String SEND = "Yes, send it";
    static final String CHANGE = "Change something";
    static final String CANCEL = "Cancel report";
    static final String SKIP = "Skip";
    private static final Pattern CANCEL_WORDS = Pattern.compile(
            "^(cancel|stop|quit|abandon|never ?mind|forget it|don'?t bother)\\b.*");
    private static final Pattern SKIP_WORDS = Pattern.compile("^(skip|pass|no thanks|none|nothing|no|n/a|not sure|"
            + "don'?t know|no idea)[.!]?$");
    private static final Pattern CHANGE_WORDS = Pattern.compile("^(change|edit|correct|fix|no|wrong|that'?s wrong)\\b.*");
    private static final Pattern QUESTION = Pattern.compile(
            "^(what|when|where|which|who|why|how|can|could|do|does|is|are|will|should)\\b.*\\?$");

    private final ServiceRequestIntake intake;
    private final Clock clock;
    private final Supplier<String> references;
    private final CouncilProfile council;

    /** What a turn inside a form came to: a reply, or a question to answer before asking again. */
    record Outcome(Optional<BotReply> reply, Optional<FormState> interruptedForm) {
        static Outcome reply(BotReply reply) {
            return new Outcome(Optional.of(reply), Optional.empty());
        }

        static Outcome interrupted(FormState form) {
            return new Outcome(Optional.empty(), Optional.of(form));
        }
    }

    ServiceRequestForms(ServiceRequestIntake intake, Clock clock, Supplier<String> references, CouncilProfile council) {
        this.intake = intake;
        this.clock = clock;
        this.references = references;
        this.council = council;
    }

    BotReply start(ServiceDefinition service, Rationale why) {
        List<FormField> fields = FormFields.of(service);
        FormState state = new FormState(service.code(), service.name(), FormState.Stage.COLLECTING, Map.of(), fields,
                Optional.of(fields.get(0).code()), Optional.empty(), Optional.empty());
        String notes = FormFields.notes(service);
        String lead = "I can take a report of " + lowerFirst(service.name()) + " for " + council.name() + "."
                + (notes.isBlank() ? "" : " " + notes) + " You can say cancel at any time.";
        return ask(state, lead, why);
    }

    Outcome next(FormState state, String text, String conversationId, Rationale why) {
        String lower = text.toLowerCase(Locale.ROOT).strip();
        if (CANCEL_WORDS.matcher(lower).matches()) {
            FormState cancelled = with(state, FormState.Stage.CANCELLED, state.answers(), Optional.empty());
            return Outcome.reply(formReply("OK, I've cancelled your report of " + lowerFirst(state.serviceName())
                    + ". Nothing was sent to the council.", cancelled, why, List.of()));
        }
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return confirming(state, text, lower, conversationId, why);
        }
        FormField field = state.currentField().orElseThrow(
                () -> new CouncilbotException("form_state_invalid", "An open form has no current field."));
        if (SKIP_WORDS.matcher(lower).matches() && !field.kind().equals(FormField.FieldKind.YES_NO)) {
            if (field.required()) {
                return Outcome.reply(ask(state, "This one is needed for the report.", why));
            }
            return Outcome.reply(advance(state, field, List.of(), why));
        }
        if (QUESTION.matcher(lower).matches() && !field.kind().equals(FormField.FieldKind.YES_NO)) {
            return Outcome.interrupted(state);
        }
        FormAnswers.Reading reading = FormAnswers.read(field, text, LocalDate.now(clock));
        if (!reading.ok()) {
            if (lower.endsWith("?")) {
                return Outcome.interrupted(state);
            }
            return Outcome.reply(ask(state, reading.problem(), why));
        }
        return Outcome.reply(advance(state, field, reading.values(), why));
    }

    /** The question the form is waiting on, to repeat after answering an interrupting question. */
    String prompt(FormState state) {
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return "Shall I send your report?";
        }
        return state.currentField().map(FormField::question).orElse("");
    }

    List<String> quickReplies(FormState state) {
        if (state.stage() == FormState.Stage.CONFIRMING) {
            return List.of(SEND, CHANGE, CANCEL);
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

    private Outcome confirming(FormState state, String text, String lower, String conversationId, Rationale why) {
        if (FormAnswers.isYes(lower) || lower.startsWith("send")) {
            return Outcome.reply(submit(state, conversationId, why));
        }
        Optional<FormField> named = namedField(state, lower);
        if (named.isPresent()) {
            FormState changing = with(state, FormState.Stage.COLLECTING, state.answers(), Optional.of(named.get().code()));
            return Outcome.reply(ask(changing, "OK, let's change that.", why));
        }
        if (CHANGE_WORDS.matcher(lower).matches()) {
            return Outcome.reply(formReply("Which answer would you like to change?", state, why,
                    state.fields().stream().filter(field -> state.answers().containsKey(field.code()))
                            .map(ServiceRequestForms::label).toList()));
        }
        if (lower.endsWith("?")) {
            return Outcome.interrupted(state);
        }
        return Outcome.reply(formReply("Please say yes to send your report, or tell me what to change.", state, why,
                quickReplies(state)));
    }

    private Optional<FormField> namedField(FormState state, String lower) {
        for (FormField field : state.fields()) {
            if (state.answers().containsKey(field.code()) && (lower.contains(label(field).toLowerCase(Locale.ROOT))
                    || lower.matches(".*\\b" + Pattern.quote(field.code().replace('_', ' ')) + "\\b.*"))) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    private BotReply advance(FormState state, FormField field, List<String> values, Rationale why) {
        Map<String, List<String>> answers = new HashMap<>(state.answers());
        answers.put(field.code(), values);
        Optional<FormField> next = state.fields().stream()
                .filter(candidate -> !answers.containsKey(candidate.code()))
                .filter(candidate -> applies(candidate, answers))
                .findFirst();
        if (next.isPresent()) {
            return ask(with(state, FormState.Stage.COLLECTING, answers, Optional.of(next.get().code())), "", why);
        }
        FormState confirming = with(state, FormState.Stage.CONFIRMING, answers, Optional.empty());
        return formReply(summary(confirming), confirming, why, quickReplies(confirming));
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
        List<String> location = state.answers().getOrDefault(FormFields.LOCATION, List.of());
        List<String> contact = state.answers().getOrDefault(FormFields.CONTACT, List.of());
        String email = contact.stream().filter(FormAnswers::isEmail).findFirst().orElse("");
        String phone = contact.stream().filter(value -> !FormAnswers.isEmail(value)).findFirst().orElse("");
        boolean consent = state.answers().getOrDefault(FormFields.CONSENT, List.of()).contains("yes");
        return new ServiceRequest(references.get(), state.serviceCode(), attributes,
                new RequestLocation(location.isEmpty() ? "" : location.get(0), location.size() > 1 ? location.get(1) : "", ""),
                String.join(" ", state.answers().getOrDefault(FormFields.DETAILS, List.of())),
                new ResidentContact("", email, phone, consent), conversationId, clock.instant());
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
        if (field.code().equals(FormFields.LOCATION)) {
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

    private static FormState with(FormState state, FormState.Stage stage, Map<String, List<String>> answers,
                                  Optional<String> current) {
        return new FormState(state.serviceCode(), state.serviceName(), stage, answers, state.fields(), current,
                state.reference(), state.councilReference());
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
