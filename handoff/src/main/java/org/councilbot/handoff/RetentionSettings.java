package org.councilbot.handoff;

import java.time.Duration;

/**
 * What stored transcripts keep, and for how long.
 *
 * @param redactPersonalData {@code retention.redact-personal-data}: store residents' messages, and
 *                           the bot's replies that repeat their form answers, with emails, phone
 *                           numbers, National Insurance numbers, card numbers and postcodes
 *                           replaced. Service requests in the outbox and the council inbox are
 *                           never redacted: the council needs them as given.
 * @param transcriptsDays    {@code retention.transcripts-days}: conversations with no turn for longer
 *                           than this are deleted, transcript and all (1 to 3650)
 */
public record RetentionSettings(boolean redactPersonalData, int transcriptsDays) {
    static final int MAX_DAYS = 3650;

    public RetentionSettings {
        if (transcriptsDays < 1 || transcriptsDays > MAX_DAYS) {
            throw Settings.invalid("retention.transcripts-days must be 1-" + MAX_DAYS + ", was " + transcriptsDays);
        }
    }

    /** Redaction on and 90 days: long enough to follow up a contact, short enough to hold little. */
    public static RetentionSettings defaults() {
        return new RetentionSettings(true, 90);
    }

    /** How long a conversation may be idle before the purge deletes it. */
    public Duration keptFor() {
        return Duration.ofDays(transcriptsDays);
    }
}
