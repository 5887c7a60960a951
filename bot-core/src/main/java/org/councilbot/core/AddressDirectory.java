package org.councilbot.core;

import java.util.List;

/**
 * The addresses at a postcode: OS Places, the council's own gazetteer API, or a file for the demo.
 *
 * <p>Throws {@link LookupUnavailableException} when the directory cannot be asked just now; an
 * unknown postcode is an empty list, not an error.
 */
public interface AddressDirectory {

    /**
     * @param postcode a UK postcode in the usual form, e.g. "BF1 2AB"
     * @return the addresses there, in the directory's order (usually by street then number)
     */
    List<PropertyAddress> addressesAt(String postcode);

    /** No directory configured: residents describe the place instead. Always the same instance. */
    static AddressDirectory none() {
        return Unconfigured.DIRECTORY;
    }

    /** Holds the one "none" instance, so the engine can tell it from a directory that found nothing. */
    final class Unconfigured {
        static final AddressDirectory DIRECTORY = postcode -> List.of();

        private Unconfigured() {
        }
    }
}
