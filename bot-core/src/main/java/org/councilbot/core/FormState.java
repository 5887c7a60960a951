package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a resident's service-request form (or lookup) has got: carried on each reply, so the next
 * turn can continue it and the web page can show it.
 *
 * @param serviceCode    the service requested, or for a lookup what is looked up (e.g. {@code bin-collections})
 * @param serviceName    its name, for the resident
 * @param stage          what happens next
 * @param answers        field code to the values given so far (a skipped optional field has none)
 * @param fields         the questions of this form, in order
 * @param current        the field being asked, when collecting or changing
 * @param reference      councilbot's reference once submitted
 * @param councilReference the council's reference once delivered
 * @param kind           a report for the council, or a lookup answered at once
 * @param addressChoice  addresses offered for the current where question and not yet picked from
 * @param offeredService another service the resident asked to report instead, awaiting a yes
 */
public record FormState(String serviceCode, String serviceName, Stage stage, Map<String, List<String>> answers,
                        List<FormField> fields, Optional<String> current, Optional<String> reference,
                        Optional<String> councilReference, Kind kind, Optional<AddressChoice> addressChoice,
                        Optional<String> offeredService) {
    /** What prefixes the standard questions' codes, so any catalogue attribute code can be used as it is. */
    static final String STANDARD_PREFIX = "@";
    private static final List<String> STANDARD_NAMES = List.of("location", "details", "contact", "consent");

    public FormState {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(stage, "stage");
        answers = Map.copyOf(answers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> List.copyOf(entry.getValue()))));
        fields = List.copyOf(fields);
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(councilReference, "councilReference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(addressChoice, "addressChoice");
        Objects.requireNonNull(offeredService, "offeredService");
    }

    /** A report form with nothing pending. */
    public FormState(String serviceCode, String serviceName, Stage stage, Map<String, List<String>> answers,
                     List<FormField> fields, Optional<String> current, Optional<String> reference,
                     Optional<String> councilReference) {
        this(serviceCode, serviceName, stage, answers, fields, current, reference, councilReference, Kind.REPORT,
                Optional.empty(), Optional.empty());
    }

    /**
     * What the form is waiting for. A lookup is {@code SUBMITTED} once looked up, and
     * {@code CANCELLED} when the resident stopped it or it could not be done.
     */
    public enum Stage { COLLECTING, CONFIRMING, SUBMITTED, CANCELLED }

    /** A report sent to the council, or a lookup answered straight away (bin collection days). */
    public enum Kind { REPORT, LOOKUP }

    /**
     * Addresses found at a postcode and offered to pick from; none left means the resident said the
     * place is not among them (or none could be found) and describes it in words instead.
     *
     * @param postcode  the postcode looked up, in the usual form
     * @param addresses those still offered, in the directory's order
     */
    public record AddressChoice(String postcode, List<PropertyAddress> addresses) {
        public AddressChoice {
            Objects.requireNonNull(postcode, "postcode");
            addresses = List.copyOf(addresses);
        }
    }

    public boolean isOpen() {
        return stage == Stage.COLLECTING || stage == Stage.CONFIRMING;
    }

    public Optional<FormField> currentField() {
        return current.flatMap(code -> fields.stream().filter(field -> field.code().equals(code)).findFirst());
    }

    /**
     * The answers keyed as a council reads them: attribute codes, and the standard questions by
     * their plain names ({@code location}, {@code details}, {@code contact}, {@code consent})
     * unless the catalogue has an attribute of that code.
     */
    public Map<String, List<String>> namedAnswers() {
        Map<String, List<String>> named = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>(fields.stream().map(FormField::code).toList());
        answers.keySet().stream().filter(code -> !codes.contains(code)).sorted().forEach(codes::add);
        for (String code : codes) {
            List<String> values = answers.get(code);
            if (values != null) {
                named.put(nameOf(code), values);
            }
        }
        return named;
    }

    /** The name a council reads a field's code by: see {@link #namedAnswers()}. */
    public String nameOf(String code) {
        String plain = isStandard(code) ? code.substring(STANDARD_PREFIX.length()) : code;
        boolean attributeHasIt = !plain.equals(code) && (fields.stream().anyMatch(f -> f.code().equals(plain))
                || answers.containsKey(plain));
        return attributeHasIt ? code : plain;
    }

    /**
     * A form stored before the standard questions' codes had their prefix ({@code location} rather
     * than {@code @location}), read the current way. Those questions always came last, after the
     * catalogue's own, and only they have the location, contact and yes/no kinds.
     */
    public static FormState upgraded(FormState stored) {
        int where = -1;
        for (int i = 0; i < stored.fields().size(); i++) {
            FormField field = stored.fields().get(i);
            if (field.code().equals("location") && field.kind() == FormField.FieldKind.LOCATION) {
                where = i;
            }
        }
        if (where < 0) {
            return stored;
        }
        List<FormField> fields = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (int i = 0; i < stored.fields().size(); i++) {
            FormField field = stored.fields().get(i);
            if (i >= where && STANDARD_NAMES.contains(field.code())) {
                String code = STANDARD_PREFIX + field.code();
                renamed.put(field.code(), code);
                fields.add(new FormField(code, field.label(), field.question(), field.kind(), field.required(),
                        field.options()));
            } else {
                fields.add(field);
            }
        }
        // An attribute of the same code came first and shares its answer; the answer stays with it.
        java.util.Set<String> attributeCodes = stored.fields().subList(0, where).stream().map(FormField::code)
                .collect(java.util.stream.Collectors.toSet());
        java.util.function.UnaryOperator<String> rename = code -> attributeCodes.contains(code) ? code
                : renamed.getOrDefault(code, code);
        Map<String, List<String>> answers = new LinkedHashMap<>();
        stored.answers().forEach((code, values) -> answers.put(rename.apply(code), values));
        return new FormState(stored.serviceCode(), stored.serviceName(), stored.stage(), answers, fields,
                stored.current().map(rename), stored.reference(),
                stored.councilReference(), stored.kind(), stored.addressChoice(), stored.offeredService());
    }

    static boolean isStandard(String code) {
        return code.startsWith(STANDARD_PREFIX) && STANDARD_NAMES.contains(code.substring(STANDARD_PREFIX.length()));
    }

    /** The same form at another stage, with these answers, asking this field; nothing pending. */
    FormState at(Stage stage, Map<String, List<String>> answers, Optional<String> current) {
        return new FormState(serviceCode, serviceName, stage, answers, fields, current, reference, councilReference,
                kind, Optional.empty(), Optional.empty());
    }

    FormState withAddressChoice(Optional<AddressChoice> choice) {
        return new FormState(serviceCode, serviceName, stage, answers, fields, current, reference, councilReference,
                kind, choice, offeredService);
    }

    FormState withOfferedService(Optional<String> service) {
        return new FormState(serviceCode, serviceName, stage, answers, fields, current, reference, councilReference,
                kind, addressChoice, service);
    }
}
