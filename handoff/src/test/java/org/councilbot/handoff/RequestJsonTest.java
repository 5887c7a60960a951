package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import java.util.Map;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.RequestLocation;
import org.councilbot.core.ResidentContact;
import org.councilbot.core.ServiceRequest;
import org.junit.jupiter.api.Test;

class RequestJsonTest {
    private final RequestJson json = new RequestJson();

    @Test
    void round_trips_a_request_with_unicode_and_several_values() throws JsonProcessingException {
        ServiceRequest request = new ServiceRequest("CB-1", "fly-tipping",
                Map.of("waste_type", List.of("furniture", "tyres"), "description", List.of("Matres wedi’i adael 🛏️ \"quoted\"")),
                new RequestLocation("Heol y Felin", "CF10 1AA", ""), "", ResidentContact.none(), "", TestRequests.CONFIRMED);

        assertThat(json.read(json.write(request))).isEqualTo(request);
    }

    @Test
    void writes_snake_case_keys_with_a_version() {
        String written = json.write(TestRequests.missedBin("CB-2"));

        assertThat(written).contains("\"version\":1").contains("\"service_code\":\"missed-bin\"")
                .contains("\"conversation_id\":\"conv-1\"").contains("\"confirmed_at\":\"2026-03-02T09:15:30Z\"");
    }

    @Test
    void reads_a_request_with_keys_it_does_not_know() throws JsonProcessingException {
        // A newer node may have added keys during a rolling upgrade.
        String stored = json.write(TestRequests.missedBin("CB-3")).replace("{\"version\":1,", "{\"version\":2,\"lat\":52.1,");

        assertThat(json.read(stored)).isEqualTo(TestRequests.missedBin("CB-3"));
    }

    @Test
    void round_trips_the_point_of_a_picked_address() throws JsonProcessingException {
        ServiceRequest request = TestRequests.missedBinAtPickedAddress("CB-4");

        String written = json.write(request);

        assertThat(written).contains("\"point\":{\"lat\":52.0512,\"long\":-0.7311}");
        assertThat(json.read(written)).isEqualTo(request);
        assertThat(json.read(written).location().point()).contains(new GeoPoint(52.0512, -0.7311));
    }

    @Test
    void a_place_described_in_words_is_stored_without_a_point() {
        assertThat(json.write(TestRequests.missedBin("CB-5"))).doesNotContain("point");
    }

    @Test
    void reads_a_request_stored_before_points_were_kept() throws JsonProcessingException {
        // Written by the release before points: the location has no "point" key.
        String stored = """
                {"version":1,"reference":"CB-6","service_code":"missed-bin","answers":{"bin_type":["blue_recycling"]},
                 "location":{"description":"12 Mill Lane, Brackenford","postcode":"BF1 2AB","uprn":"100023336956"},
                 "description":"Blue bin not emptied again",
                 "contact":{"name":"Mary Ann Smith","email":"mary@example.org","phone":"07700 900123","consent":true},
                 "conversation_id":"conv-1","confirmed_at":"2026-03-02T09:15:30Z"}""";

        ServiceRequest read = json.read(stored);

        assertThat(read.location()).isEqualTo(new RequestLocation("12 Mill Lane, Brackenford", "BF1 2AB", "100023336956"));
        assertThat(read.location().point()).isEmpty();
    }
}
