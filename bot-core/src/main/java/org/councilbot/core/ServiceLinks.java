package org.councilbot.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The council's catalogue services linked to built-in types, and how a type read in a message
 * finds its service: the service linked to that very type, else the best one linked to a type of
 * the same family (one "missed bin" service takes a missed garden-waste bin too).
 *
 * @param links    one per catalogue service
 * @param families type id to family id
 */
public record ServiceLinks(List<ServiceLink> links, Map<String, String> families) {
    public ServiceLinks {
        links = List.copyOf(links);
        families = Map.copyOf(families);
    }

    public static ServiceLinks none() {
        return new ServiceLinks(List.of(), Map.of());
    }

    /** The council's service for a type, if it takes that type online. */
    public Optional<ServiceLink> serviceFor(String type) {
        Objects.requireNonNull(type, "type");
        Comparator<ServiceLink> bestFirst = Comparator.comparingDouble(ServiceLink::score).reversed();
        Optional<ServiceLink> exact = links.stream().filter(link -> link.type().filter(type::equals).isPresent())
                .min(bestFirst);
        if (exact.isPresent()) {
            return exact;
        }
        String family = families.getOrDefault(type, type);
        return links.stream().filter(link -> link.type().map(t -> families.getOrDefault(t, t)).filter(family::equals)
                .isPresent()).min(bestFirst);
    }

    /** The link of one service, if it is in the catalogue. */
    public Optional<ServiceLink> link(String serviceCode) {
        return links.stream().filter(link -> link.serviceCode().equals(serviceCode)).findFirst();
    }
}
