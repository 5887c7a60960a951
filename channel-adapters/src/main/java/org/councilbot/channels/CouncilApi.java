package org.councilbot.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import org.councilbot.core.CouncilProfile;

/** Public facts about the council, so the chat page can name it and show its contact details. */
final class CouncilApi implements HttpService {
    private final ObjectNode council;
    private final ObjectMapper mapper;

    CouncilApi(CouncilProfile profile, ObjectMapper mapper) {
        this.mapper = mapper;
        this.council = mapper.createObjectNode()
                .put("name", profile.name())
                .put("website_url", profile.websiteUrl())
                .put("contact_phone", profile.contactPhone())
                .put("office_hours", profile.officeHours());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/council", (request, response) -> HttpJson.send(response, mapper, council));
    }
}
