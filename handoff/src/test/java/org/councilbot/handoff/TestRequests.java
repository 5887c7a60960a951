package org.councilbot.handoff;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.RequestLocation;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;

/** Service requests as the form would confirm them. */
final class TestRequests {
    static final Instant CONFIRMED = Instant.parse("2026-03-02T09:15:30Z");

    private TestRequests() {
    }

    static String newReference() {
        return "CB-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
    }

    static ServiceRequest missedBin(String reference) {
        return new ServiceRequest(reference, "missed-bin",
                Map.of("bin_type", List.of("blue_recycling"), "collection_date", List.of("2026-03-01"),
                        "bin_out_by_630", List.of("yes")),
                new RequestLocation("12 Mill Lane, Brackenford", "BF1 2AB", "100023336956"),
                "Blue bin not emptied again",
                new ResidentContact("Mary Ann Smith", "mary@example.org", "07700 900123", true),
                "conv-1", CONFIRMED);
    }

    /** The missed bin at an address picked from the gazetteer, so with a point on the map. */
    static ServiceRequest missedBinAtPickedAddress(String reference) {
        ServiceRequest base = missedBin(reference);
        RequestLocation picked = new RequestLocation("12 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB", "100023336956",
                Optional.of(new GeoPoint(52.0512, -0.7311)));
        return new ServiceRequest(reference, base.serviceCode(), base.answers(), picked, base.description(),
                base.contact(), base.conversationId(), base.confirmedAt());
    }

    static ServiceRequest flyTipping(String reference) {
        return new ServiceRequest(reference, "fly-tipping",
                Map.of("waste_type", List.of("furniture", "household_bags"), "size", List.of("car_boot"),
                        "hazardous", List.of("no")),
                new RequestLocation("Lay-by on Mill Lane", "", ""), "A mattress and bags",
                ResidentContact.none(), "", CONFIRMED);
    }

    static ServiceRequest withContact(String reference, ResidentContact contact) {
        ServiceRequest base = missedBin(reference);
        return new ServiceRequest(reference, base.serviceCode(), base.answers(), base.location(), base.description(),
                contact, base.conversationId(), base.confirmedAt());
    }
}
