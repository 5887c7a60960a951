package org.councilbot.channels;

import java.nio.file.Path;
import java.util.Optional;
import org.councilbot.handoff.AddressMapping;
import org.councilbot.handoff.CollectionMapping;
import org.councilbot.handoff.HttpLookupSettings;

/**
 * Where addresses by postcode and bin days by address come from ({@code councilbot.lookups.*}).
 *
 * @param addresses      {@code councilbot.lookups.addresses.*}
 * @param binCollections {@code councilbot.lookups.bin-collections.*}
 */
public record LookupSettings(Addresses addresses, BinCollections binCollections) {

    /** No lookups: residents describe places in words and bin days come from the council's pages. */
    public static LookupSettings none() {
        return new LookupSettings(new Addresses.None(), new BinCollections.None());
    }

    /** {@code type}: empty, {@code file}, {@code os-places} or {@code http}. */
    public sealed interface Addresses {
        record None() implements Addresses {
        }

        /** A CSV file of {@code uprn,address,postcode[,latitude,longitude]}. */
        record FromFile(Path file) implements Addresses {
        }

        /** OS Places or the council's own gazetteer API. */
        record FromApi(HttpLookupSettings http, AddressMapping mapping) implements Addresses {
        }
    }

    /** {@code type}: empty, {@code file} or {@code http}. */
    public sealed interface BinCollections {
        record None() implements BinCollections {
        }

        /** A CSV file of rounds, and optionally one of changes to them (bank holidays). */
        record FromFile(Path file, Optional<Path> changes) implements BinCollections {
        }

        /** The council's waste system. */
        record FromApi(HttpLookupSettings http, CollectionMapping mapping) implements BinCollections {
        }
    }
}
