package org.councilbot.core;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers "what's happening with my report ...?" from the council's system: finds a reference in
 * the message, asks the service desk (or the intake, for councilbot's own references) and says
 * where the request has got.
 */
final class StatusLookup {
    // A reference is letters, a dash and digits or letters ("BF-2026-000123", "CB-7K2M9QX4TA"), or a
    // plain number of four or more digits after "report", "reference" or "request".
    private static final Pattern REFERENCE = Pattern.compile(
            "\\b([A-Z]{1,8}-[A-Z0-9]{4,}(?:-[A-Z0-9]+)*)\\b|\\b(?:report|reference|ref|request|case)(?: number| no\\.?)?\\s*#?\\s*(\\d{4,})\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ASKING = Pattern.compile("\\b(what'?s happening|what is happening|status|update|"
            + "progress|any news|been done|been fixed|been sorted|sorted yet|fixed yet|done yet|happened to|track|check on)\\b");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ServiceDesk desk;
    private final ServiceRequestIntake intake;
    private final ZoneId zone;

    StatusLookup(ServiceDesk desk, ServiceRequestIntake intake, ZoneId zone) {
        this.desk = desk;
        this.intake = intake;
        this.zone = zone;
    }

    /** The reference a status question names, if the message is one. */
    static Optional<String> referenceAskedAbout(String text) {
        Matcher reference = REFERENCE.matcher(text);
        if (!reference.find() || !ASKING.matcher(text.toLowerCase(Locale.ROOT)).find()) {
            return Optional.empty();
        }
        return Optional.of((reference.group(1) != null ? reference.group(1) : reference.group(2)).toUpperCase(Locale.ROOT));
    }

    /** What to tell the resident about the request. */
    String describe(String reference) {
        Optional<IntakeReceipt> ours = intake.find(reference);
        String councilReference = ours.flatMap(IntakeReceipt::councilReference).orElse(reference);
        if (ours.isPresent() && ours.get().councilReference().isEmpty()) {
            return ours.get().state() == IntakeReceipt.DeliveryState.DEAD_LETTERED
                    ? "Your report " + reference + " is saved, and a member of staff is passing it on by hand."
                    : "Your report " + reference + " is saved and waiting to be passed to the council's system; "
                    + "the council's reference will follow.";
        }
        Optional<RequestStatus> status;
        try {
            status = desk.status(councilReference);
        } catch (ServiceDeskUnavailableException e) {
            return "Sorry, I can't reach the council's system to check " + councilReference + " just now. "
                    + "Please try again later.";
        }
        if (status.isEmpty()) {
            return "I couldn't find a report with the reference " + councilReference + ". Please check it, "
                    + "including any letters and dashes.";
        }
        RequestStatus found = status.get();
        String when = found.updatedAt().orElse(found.requestedAt()).atZone(zone).format(DAY);
        return "Report " + found.councilReference() + " is " + found.status().toLowerCase(Locale.ROOT)
                + " (last updated " + when + ")."
                + (found.statusNotes().isBlank() ? "" : " " + found.statusNotes());
    }
}
