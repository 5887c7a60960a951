package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The questions of a service's form: its catalogue attributes, then where, details and contact.
 *
 * <p>The standard questions' codes carry a prefix ({@code @location}), so a catalogue may use any
 * attribute code, {@code details} included, and its answer still goes to that attribute. A standard
 * question the catalogue already asks in its own words is not asked twice: with an attribute that
 * asks for a free description ("Describe the noise...", "Anything else we should know?") the
 * standard "anything else" question is left out, and after an attribute that asks where ("Where is
 * the bin?") the standard where question asks for the address or street instead.
 */
final class FormFields {
    static final String LOCATION = FormState.STANDARD_PREFIX + "location";
    static final String DETAILS = FormState.STANDARD_PREFIX + "details";
    static final String CONTACT = FormState.STANDARD_PREFIX + "contact";
    static final String CONSENT = FormState.STANDARD_PREFIX + "consent";
    private static final Set<String> DESCRIPTION_CODES = Set.of("details", "detail", "description", "desc",
            "comments", "comment", "notes", "note", "more_details", "further_details", "additional_information",
            "further_information", "other_information", "extra_information", "anything_else");
    private static final Pattern ASKS_DESCRIPTION = Pattern.compile(
            "^\\s*(describe|tell us (more|about)|give (us )?(any )?(more |further )?details)|\\banything else\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKS_WHERE = Pattern.compile("^\\s*where\\b", Pattern.CASE_INSENSITIVE);
    /** Format names written for systems, not residents: "(ISO 8601)", "YYYY-MM-DD". */
    private static final Pattern MACHINE_FORMAT = Pattern.compile("\\s*\\(?\\b(ISO[ -]?8601|RFC ?3339|W3C(DTF)?|"
            + "[YyDdMm]{2,4}[-/][YyDdMm]{2,4}[-/][YyDdMm]{2,4}([T ]hh:mm(:ss)?)?)\\b( format)?\\)?", Pattern.CASE_INSENSITIVE);
    // Share of a hint's words that the question already says, above which the hint only repeats it.
    private static final double REPEATS_QUESTION = 0.7;
    private static final String DATE_HINT = "You can say a date like yesterday, last Tuesday or 12 March.";

    private FormFields() {
    }

    static List<FormField> of(ServiceDefinition service) {
        List<FormField> fields = new ArrayList<>();
        boolean whereAsked = false;
        boolean described = false;
        for (ServiceAttribute attribute : service.attributes()) {
            if (!attribute.variable()) {
                continue;
            }
            String hint = residentHint(attribute);
            // The first sentence names the question in summaries: "Where did you leave your bin? Add..." is "Where did you leave your bin".
            String label = attribute.question().strip().split("(?<=[?.:])\\s+")[0].replaceAll("[?.:]+$", "").strip();
            FormField field = new FormField(attribute.code(), label, attribute.question() + hint,
                    kind(attribute.datatype()), attribute.required(), attribute.options());
            fields.add(field);
            boolean freeText = attribute.datatype() == AttributeDatatype.STRING
                    || attribute.datatype() == AttributeDatatype.TEXT;
            whereAsked |= freeText && ASKS_WHERE.matcher(attribute.question()).find();
            described |= isDescription(field);
        }
        fields.add(whereAsked
                ? new FormField(LOCATION, "Address", "What's the address or nearest street? Give the street and house "
                        + "number, or a postcode.", FormField.FieldKind.LOCATION, true, List.of())
                : new FormField(LOCATION, "Where", "Where is it? Give the street and nearest house number or landmark, "
                        + "or a postcode.", FormField.FieldKind.LOCATION, true, List.of()));
        if (!described) {
            fields.add(new FormField(DETAILS, "Anything else", "Is there anything else the council should know? "
                    + "(or say skip)", FormField.FieldKind.TEXT, false, List.of()));
        }
        fields.add(new FormField(CONTACT, "Contact details", "If you'd like a confirmation, give an email address or mobile number "
                + "(or say skip).", FormField.FieldKind.CONTACT, false, List.of()));
        fields.add(new FormField(CONSENT, "Contact allowed", "May the council contact you about this report?",
                FormField.FieldKind.YES_NO, true, List.of()));
        return fields;
    }

    /**
     * The catalogue's hint on an answer, as a resident should see it: without format names meant
     * for systems, left out when it only repeats the question, and for a date (which residents may
     * give in their own words) an example of what they can say when nothing useful is left.
     */
    static String residentHint(ServiceAttribute attribute) {
        String hint = MACHINE_FORMAT.matcher(attribute.datatypeDescription()).replaceAll("")
                .replaceAll("\\(\\s*\\)", "").replaceAll("[\\s,;:]+([.,;:)]|$)", "$1").strip();
        Set<String> words = Terms.of(hint);
        if (!words.isEmpty()) {
            Set<String> asked = Terms.of(attribute.question());
            long repeated = words.stream().filter(asked::contains).count();
            if ((double) repeated / words.size() >= REPEATS_QUESTION) {
                hint = "";
            }
        }
        if (Terms.of(hint).isEmpty()) {
            hint = attribute.datatype() == AttributeDatatype.DATETIME ? DATE_HINT : "";
        }
        return hint.isEmpty() ? "" : " (" + hint + ")";
    }

    /** The one question of a lookup by address: the postcode, then the address picked there. */
    static FormField lookupAddress() {
        return new FormField(LOCATION, "Address", "What's your postcode? I'll find your address.",
                FormField.FieldKind.LOCATION, true, List.of());
    }

    /** Informational attributes (no answer expected) are said before the first question. */
    static String notes(ServiceDefinition service) {
        return String.join(" ", service.attributes().stream().filter(attribute -> !attribute.variable())
                .map(ServiceAttribute::question).toList());
    }

    static boolean isStandard(String code) {
        return FormState.isStandard(code);
    }

    /** A catalogue attribute asking for the resident's own description of the problem. */
    static boolean isDescription(FormField field) {
        return field.kind() == FormField.FieldKind.TEXT && !isStandard(field.code())
                && (DESCRIPTION_CODES.contains(field.code().toLowerCase(Locale.ROOT))
                || ASKS_DESCRIPTION.matcher(field.question()).find());
    }

    /** Free text: residents answer in their own words, which may sound like anything. */
    static boolean isFreeText(FormField field) {
        return field.kind() == FormField.FieldKind.TEXT || field.kind() == FormField.FieldKind.STRING
                || field.kind() == FormField.FieldKind.LOCATION;
    }

    private static FormField.FieldKind kind(AttributeDatatype datatype) {
        return switch (datatype) {
            case STRING -> FormField.FieldKind.STRING;
            case NUMBER -> FormField.FieldKind.NUMBER;
            case DATETIME -> FormField.FieldKind.DATETIME;
            case TEXT -> FormField.FieldKind.TEXT;
            case SINGLEVALUELIST -> FormField.FieldKind.SINGLE_CHOICE;
            case MULTIVALUELIST -> FormField.FieldKind.MULTI_CHOICE;
        };
    }
}
