package org.councilbot.core;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says about the council itself: its name and the numbers residents may need.
 *
 * @param name                 e.g. "Brackenford District Council"
 * @param websiteUrl           the council's home page
 * @param contactPhone         the contact centre's number
 * @param officeHours          when the contact centre is open, in words
 * @param outOfHoursPhone      the out-of-hours emergency / social care line
 * @param suggestedTopics      quick replies offered after a greeting
 */
public record CouncilProfile(String name, String websiteUrl, String contactPhone, String officeHours,
                             String outOfHoursPhone, List<String> suggestedTopics) {
    public CouncilProfile {
        requireText(name, "name");
        requireText(websiteUrl, "website-url");
        requireText(contactPhone, "contact-phone");
        requireText(officeHours, "office-hours");
        requireText(outOfHoursPhone, "out-of-hours-phone");
        suggestedTopics = List.copyOf(suggestedTopics);
    }

    private static void requireText(String value, String setting) {
        Objects.requireNonNull(value, setting);
        if (value.isBlank()) {
            throw new CouncilbotException("invalid_configuration", "council." + setting + " must not be blank");
        }
    }
}
