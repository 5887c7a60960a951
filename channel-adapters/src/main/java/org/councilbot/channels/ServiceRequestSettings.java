package org.councilbot.channels;

import java.nio.file.Path;
import java.util.Optional;
import org.councilbot.handoff.InboxSettings;
import org.councilbot.handoff.NotifySettings;
import org.councilbot.handoff.Open311Settings;
import org.councilbot.handoff.OutboxSettings;

/**
 * Where residents' service requests come from and go to ({@code councilbot.open311.*},
 * {@code councilbot.catalogue.dir}, {@code councilbot.inbox.*}, {@code councilbot.outbox.*},
 * {@code councilbot.notify.*}).
 *
 * @param catalogueDir a folder with services.json, used when there is no Open311 server
 * @param open311      the council's Open311 server: its catalogue and where requests are delivered
 * @param inbox        the built-in inbox that takes requests when there is no Open311 server
 * @param outbox       retries and backoff of delivery
 * @param confirmations GOV.UK Notify confirmations, when configured
 */
public record ServiceRequestSettings(Optional<Path> catalogueDir, Optional<Open311Settings> open311, InboxSettings inbox,
                                     OutboxSettings outbox, Optional<NotifySettings> confirmations) {

    /** True when the bot can take requests: a catalogue comes from Open311 or a folder. */
    public boolean enabled() {
        return open311.isPresent() || catalogueDir.isPresent();
    }

    public static ServiceRequestSettings disabled() {
        return new ServiceRequestSettings(Optional.empty(), Optional.empty(), new InboxSettings("CB"),
                OutboxSettings.defaults(), Optional.empty());
    }
}
