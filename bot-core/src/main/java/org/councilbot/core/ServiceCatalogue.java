package org.councilbot.core;

import java.util.List;
import java.util.Optional;

/** The services residents can request; new services come from the council's catalogue, not code. */
public interface ServiceCatalogue {

    /** Every usable service; definitions that could not be read are left out (and logged). */
    List<ServiceDefinition> services();

    default Optional<ServiceDefinition> service(String code) {
        return services().stream().filter(service -> service.code().equals(code)).findFirst();
    }
}
