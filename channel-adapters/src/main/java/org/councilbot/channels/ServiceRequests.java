package org.councilbot.channels;

import java.time.Clock;
import java.util.Optional;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDesk;
import org.councilbot.handoff.CouncilDatabase;
import org.councilbot.handoff.CouncilInboxServiceDesk;
import org.councilbot.handoff.DurableServiceRequestIntake;
import org.councilbot.handoff.FileServiceCatalogue;
import org.councilbot.handoff.NotifyConfirmations;
import org.councilbot.handoff.Open311ServiceCatalogue;
import org.councilbot.handoff.Open311ServiceDesk;

/**
 * The service-request side, wired from settings: a catalogue (Open311 or a folder), a desk (Open311
 * or the built-in inbox), the durable outbox in front of it, and Notify confirmations.
 */
public final class ServiceRequests implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ServiceRequests.class.getName());

    private final ServiceCatalogue catalogue;
    private final DurableServiceRequestIntake intake;
    private final Optional<CouncilInboxServiceDesk> inbox;
    private final ServiceDesk desk;

    private ServiceRequests(ServiceCatalogue catalogue, DurableServiceRequestIntake intake,
                            Optional<CouncilInboxServiceDesk> inbox, ServiceDesk desk) {
        this.desk = desk;
        this.catalogue = catalogue;
        this.intake = intake;
        this.inbox = inbox;
    }

    public static Optional<ServiceRequests> open(ServiceRequestSettings settings, CouncilDatabase database, Clock clock) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        ServiceCatalogue catalogue;
        ServiceDesk desk;
        Optional<CouncilInboxServiceDesk> inbox = Optional.empty();
        if (settings.open311().isPresent()) {
            catalogue = Open311ServiceCatalogue.create(settings.open311().get(), clock);
            desk = Open311ServiceDesk.create(settings.open311().get(), catalogue);
        } else {
            FileServiceCatalogue files = FileServiceCatalogue.load(settings.catalogueDir().orElseThrow());
            files.problems().forEach(problem -> LOG.log(System.Logger.Level.WARNING, "catalogue: " + problem));
            catalogue = files;
            CouncilInboxServiceDesk councilInbox = CouncilInboxServiceDesk.create(database, settings.inbox(), clock);
            inbox = Optional.of(councilInbox);
            desk = councilInbox;
        }
        DurableServiceRequestIntake.Builder intake = DurableServiceRequestIntake.builder()
                .database(database).serviceDesk(desk).settings(settings.outbox()).clock(clock);
        if (settings.confirmations().isPresent()) {
            intake.listener(NotifyConfirmations.create(settings.confirmations().get(), catalogue, clock));
        }
        DurableServiceRequestIntake built = intake.build();
        built.start();
        return Optional.of(new ServiceRequests(catalogue, built, inbox, desk));
    }

    public ServiceCatalogue catalogue() {
        return catalogue;
    }

    /** The council's system requests are delivered to, which also knows their status. */
    public ServiceDesk desk() {
        return desk;
    }

    public DurableServiceRequestIntake intake() {
        return intake;
    }

    /** The built-in inbox, when requests go there rather than to an Open311 server. */
    Optional<CouncilInboxServiceDesk> inbox() {
        return inbox;
    }

    @Override
    public void close() {
        intake.close();
    }
}
