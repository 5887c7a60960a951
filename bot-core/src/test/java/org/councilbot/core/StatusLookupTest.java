package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusLookupTest {
    private final RecordingIntake intake = new RecordingIntake();
    private final ServiceDesk desk = new ServiceDesk() {
        @Override
        public String submit(ServiceRequest request) {
            throw new ServiceDeskUnavailableException("not used");
        }

        @Override
        public Optional<RequestStatus> status(String councilReference) {
            return councilReference.equals("TS-1001")
                    ? Optional.of(new RequestStatus("TS-1001", "pothole", "closed", "Repaired on 20 November.",
                            Instant.parse("2026-11-10T09:00:00Z"), Optional.of(Instant.parse("2026-11-20T15:00:00Z"))))
                    : Optional.empty();
        }
    };
    private final StatusLookup lookup = new StatusLookup(desk, intake, ZoneId.of("Europe/London"));

    @Test
    void finds_the_reference_a_status_question_names() {
        assertThat(StatusLookup.referenceAskedAbout("what's happening with my report BF-2026-000123?"))
                .contains("BF-2026-000123");
        assertThat(StatusLookup.referenceAskedAbout("any update on report 4471")).contains("4471");
        assertThat(StatusLookup.referenceAskedAbout("has cb-7k2m9qx4ta been fixed yet")).contains("CB-7K2M9QX4TA");
        assertThat(StatusLookup.referenceAskedAbout("how do I report a pothole")).isEmpty();
        assertThat(StatusLookup.referenceAskedAbout("report 4471 potholes on Mill Lane")).isEmpty();
    }

    @Test
    void says_the_status_the_council_reports() {
        assertThat(lookup.describe("TS-1001"))
                .isEqualTo("Report TS-1001 is closed (last updated 20 November 2026). Repaired on 20 November.");
    }

    @Test
    void follows_councilbots_own_reference_to_the_councils() {
        intake.accept(request("CB-OURS"));
        assertThat(lookup.describe("CB-OURS")).startsWith("Report TS-1001 is closed");
    }

    @Test
    void says_honestly_when_a_request_is_still_waiting_or_unknown() {
        intake.councilDown = true;
        intake.accept(request("CB-WAITING"));
        assertThat(lookup.describe("CB-WAITING")).contains("waiting to be passed to the council's system");
        assertThat(lookup.describe("XX-9999")).startsWith("I couldn't find a report with the reference XX-9999");
    }

    private static ServiceRequest request(String reference) {
        return new ServiceRequest(reference, "pothole", Map.of("size", List.of("large")),
                new RequestLocation("Mill Lane", "", ""), "", ResidentContact.none(), "", Instant.EPOCH);
    }
}
