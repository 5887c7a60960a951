package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDefinition;
import org.councilbot.core.ServiceDeskUnavailableException;
import org.councilbot.core.ServiceRequestRejectedException;

/**
 * The catalogue read from the council's Open311 server (GET services and services/{code}),
 * kept for {@code open311.catalogue-refresh} and then fetched again.
 *
 * <p>When a refresh fails the last catalogue stays in use (and is tried again after another
 * refresh interval), so a short outage does not take the forms away. Before any catalogue has
 * been read, a failure is a {@link ServiceDeskUnavailableException}.
 */
public final class Open311ServiceCatalogue implements ServiceCatalogue {
    private static final System.Logger LOG = System.getLogger(Open311ServiceCatalogue.class.getName());

    private final Open311Client client;
    private final Clock clock;
    private Snapshot snapshot; // guarded by this

    private Open311ServiceCatalogue(Open311Client client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    public static Open311ServiceCatalogue create(Open311Settings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        return new Open311ServiceCatalogue(new Open311Client(settings), clock);
    }

    @Override
    public synchronized List<ServiceDefinition> services() {
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(snapshot.refreshAt())) {
            return snapshot.services();
        }
        try {
            snapshot = fetch(now);
        } catch (CouncilbotException e) {
            if (snapshot == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "Keeping the service catalogue read at " + snapshot.readAt()
                    + ": " + e.getMessage());
            snapshot = new Snapshot(snapshot.services(), snapshot.problems(), snapshot.readAt(), refreshAt(now));
        }
        return snapshot.services();
    }

    /** What the last read left out or cut; empty before the first read. */
    public synchronized List<String> problems() {
        return snapshot == null ? List.of() : snapshot.problems();
    }

    private Snapshot fetch(Instant now) {
        String operation = "read the service list";
        JsonNode list = client.get("services", operation)
                .orElseThrow(() -> new ServiceDeskUnavailableException("Could not " + operation
                        + ": the council's Open311 server at " + client.settings().baseUrl()
                        + " has no services resource (HTTP 404); check open311.base-url."));
        CatalogueReader reader = new CatalogueReader();
        List<ServiceDefinition> services;
        try {
            services = reader.read(list, "the service list", new Remote(client));
        } catch (CatalogueReader.Skip e) {
            throw client.malformed(operation, "answered but " + e.getMessage());
        }
        reader.problems().forEach(problem -> LOG.log(System.Logger.Level.WARNING, "Service catalogue at "
                + client.settings().baseUrl() + ": " + problem));
        return new Snapshot(services, reader.problems(), now, refreshAt(now));
    }

    private Instant refreshAt(Instant now) {
        return now.plus(client.settings().catalogueRefresh());
    }

    private record Snapshot(List<ServiceDefinition> services, List<String> problems, Instant readAt, Instant refreshAt) {
    }

    /**
     * Definitions fetched one by one. A definition the server refuses or lacks loses only that
     * service; a server that stops answering fails the whole read, so the last catalogue is kept
     * rather than one with services missing for a refresh interval.
     */
    private record Remote(Open311Client client) implements CatalogueReader.Definitions {
        @Override
        public JsonNode definition(String serviceCode) throws CatalogueReader.Skip {
            try {
                Optional<JsonNode> definition = client.get("services/" + Open311Client.segment(serviceCode),
                        "read the definition of service " + serviceCode);
                return definition.orElseThrow(() -> new CatalogueReader.Skip("was not found (HTTP 404)"));
            } catch (ServiceRequestRejectedException e) {
                throw new CatalogueReader.Skip("could not be read: " + e.getMessage());
            }
        }

        @Override
        public String source(String serviceCode) {
            return "services/" + serviceCode + "." + client.settings().format();
        }
    }
}
