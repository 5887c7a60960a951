package org.councilbot.core;

import java.util.Objects;

/** One allowed value of a list attribute: the key sent to the council, the name shown to residents. */
public record AttributeOption(String key, String name) {
    public AttributeOption {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
    }
}
