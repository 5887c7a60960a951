package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * One question of a service-request form: a catalogue attribute, or one of the standard questions
 * every request asks (where, contact details, consent).
 *
 * @param code     the attribute code, or {@code location}, {@code details}, {@code contact}, {@code consent}
 * @param label    a short name for summaries and quick replies, e.g. "Which bin was missed"
 * @param question what the resident is asked
 * @param kind     how the answer is read and checked
 * @param required whether the form can go on without it
 * @param options  allowed values of list kinds, else empty
 */
public record FormField(String code, String label, String question, FieldKind kind, boolean required,
                        List<AttributeOption> options) {
    public FormField {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(kind, "kind");
        options = List.copyOf(options);
    }

    /** How an answer is read: the catalogue's datatypes plus the standard questions' own. */
    public enum FieldKind { STRING, NUMBER, DATETIME, TEXT, SINGLE_CHOICE, MULTI_CHOICE, LOCATION, CONTACT, YES_NO }
}
