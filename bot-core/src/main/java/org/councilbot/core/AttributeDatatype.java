package org.councilbot.core;

import java.util.Locale;

/** The Open311 GeoReport v2 datatypes of a service attribute. */
public enum AttributeDatatype {
    STRING, NUMBER, DATETIME, TEXT, SINGLEVALUELIST, MULTIVALUELIST;

    /** The catalogue's spelling, e.g. {@code singlevaluelist}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the catalogue's spelling; throws {@link CouncilbotException} naming the allowed values. */
    public static AttributeDatatype fromWireName(String name) {
        for (AttributeDatatype datatype : values()) {
            if (datatype.wireName().equalsIgnoreCase(name.strip())) {
                return datatype;
            }
        }
        throw new CouncilbotException("unknown_datatype", "Unknown attribute datatype '" + name
                + "'; expected string, number, datetime, text, singlevaluelist or multivaluelist.");
    }

    public boolean isList() {
        return this == SINGLEVALUELIST || this == MULTIVALUELIST;
    }
}
