package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * A question a service asks when a request is made (an Open311 attribute).
 *
 * @param code                the attribute's code, sent as {@code attribute[code]}
 * @param datatype            how the answer is typed and validated
 * @param required            whether a request needs it
 * @param question            the text shown to the resident (Open311 {@code description})
 * @param datatypeDescription hint on the expected format, may be empty
 * @param order               position in the form, ascending
 * @param variable            false for informational attributes that take no answer
 * @param options             allowed values of list datatypes; empty otherwise
 */
public record ServiceAttribute(String code, AttributeDatatype datatype, boolean required, String question,
                               String datatypeDescription, int order, boolean variable, List<AttributeOption> options) {
    public ServiceAttribute {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(datatype, "datatype");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(datatypeDescription, "datatypeDescription");
        options = List.copyOf(options);
        if (datatype.isList() && variable && options.isEmpty()) {
            throw new CouncilbotException("invalid_service_definition",
                    "Attribute " + code + " is a " + datatype.wireName() + " but lists no values.");
        }
    }
}
