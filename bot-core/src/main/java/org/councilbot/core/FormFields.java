package org.councilbot.core;

import java.util.ArrayList;
import java.util.List;

/** The questions of a service's form: its catalogue attributes, then where, details and contact. */
final class FormFields {
    static final String LOCATION = "location";
    static final String DETAILS = "details";
    static final String CONTACT = "contact";
    static final String CONSENT = "consent";

    private FormFields() {
    }

    static List<FormField> of(ServiceDefinition service) {
        List<FormField> fields = new ArrayList<>();
        for (ServiceAttribute attribute : service.attributes()) {
            if (!attribute.variable()) {
                continue;
            }
            String hint = attribute.datatypeDescription().isBlank() ? "" : " (" + attribute.datatypeDescription() + ")";
            String label = attribute.question().replaceAll("[?.:]+$", "").strip();
            fields.add(new FormField(attribute.code(), label, attribute.question() + hint, kind(attribute.datatype()),
                    attribute.required(), attribute.options()));
        }
        fields.add(new FormField(LOCATION, "Where", "Where is it? Give the street and nearest house number or landmark, "
                + "or a postcode.", FormField.FieldKind.LOCATION, true, List.of()));
        fields.add(new FormField(DETAILS, "Anything else", "Is there anything else the council should know? (or say skip)",
                FormField.FieldKind.TEXT, false, List.of()));
        fields.add(new FormField(CONTACT, "Contact details", "If you'd like a confirmation, give an email address or mobile number "
                + "(or say skip).", FormField.FieldKind.CONTACT, false, List.of()));
        fields.add(new FormField(CONSENT, "Contact allowed", "May the council contact you about this report?",
                FormField.FieldKind.YES_NO, true, List.of()));
        return fields;
    }

    /** Informational attributes (no answer expected) are said before the first question. */
    static String notes(ServiceDefinition service) {
        return String.join(" ", service.attributes().stream().filter(attribute -> !attribute.variable())
                .map(ServiceAttribute::question).toList());
    }

    static boolean isStandard(String code) {
        return code.equals(LOCATION) || code.equals(DETAILS) || code.equals(CONTACT) || code.equals(CONSENT);
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
