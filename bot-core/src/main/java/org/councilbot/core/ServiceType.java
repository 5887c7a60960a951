package org.councilbot.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of report or request UK councils take, from councilbot's built-in taxonomy.
 *
 * @param id          e.g. {@code fly_tipping}
 * @param name        e.g. "Fly-tipping"
 * @param lgsl        the Local Government Service List identifier, where one is known
 * @param description what a resident reports
 * @param terms       words councils use for it in catalogues
 * @param phrasings   what residents type to report it
 */
public record ServiceType(String id, String name, Optional<Integer> lgsl, String description, List<String> terms,
                          List<String> phrasings) {
    public ServiceType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lgsl, "lgsl");
        Objects.requireNonNull(description, "description");
        terms = List.copyOf(terms);
        phrasings = List.copyOf(phrasings);
    }
}
