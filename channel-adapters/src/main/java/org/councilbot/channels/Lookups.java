package org.councilbot.channels;

import java.time.Clock;
import org.councilbot.core.AddressDirectory;
import org.councilbot.core.ChatEngine;
import org.councilbot.core.CollectionSchedule;
import org.councilbot.handoff.FileAddressDirectory;
import org.councilbot.handoff.FileCollectionSchedule;
import org.councilbot.handoff.HttpAddressDirectory;
import org.councilbot.handoff.HttpCollectionSchedule;

/**
 * The address directory and bin collection schedule, built from settings. Files are read here, so
 * a bad one stops the start with its name and line.
 */
public record Lookups(AddressDirectory addresses, CollectionSchedule binCollections) {

    public static Lookups open(LookupSettings settings, Clock clock) {
        AddressDirectory addresses = switch (settings.addresses()) {
            case LookupSettings.Addresses.None none -> AddressDirectory.none();
            case LookupSettings.Addresses.FromFile file -> FileAddressDirectory.load(file.file());
            case LookupSettings.Addresses.FromApi api -> HttpAddressDirectory.create(api.http(), api.mapping(), clock);
        };
        CollectionSchedule binCollections = switch (settings.binCollections()) {
            case LookupSettings.BinCollections.None none -> CollectionSchedule.none();
            case LookupSettings.BinCollections.FromFile file -> file.changes()
                    .map(changes -> FileCollectionSchedule.load(file.file(), changes, clock))
                    .orElseGet(() -> FileCollectionSchedule.load(file.file(), clock));
            case LookupSettings.BinCollections.FromApi api -> HttpCollectionSchedule.create(api.http(), api.mapping(), clock);
        };
        return new Lookups(addresses, binCollections);
    }

    /** Hands both to the engine. */
    public ChatEngine.Builder applyTo(ChatEngine.Builder engine) {
        return engine.addresses(addresses).binCollections(binCollections);
    }
}
