package org.councilbot.handoff;

import java.util.List;
import org.councilbot.core.UkPostcodes;

/** The forms of a postcode that lookups ask by: without its space, and its sector and district. */
final class Postcodes {
    private Postcodes() {
    }

    /** Without its space: "BF12AB". */
    static String compact(String postcode) {
        return postcode.replace(" ", "");
    }

    /**
     * The postcode, its sector and its district, most precise first: "BF1 2AB", "BF1 2", "BF1".
     *
     * @param postcode a postcode as {@link UkPostcodes#normalise} returns it
     */
    static List<String> widening(String postcode) {
        int space = postcode.indexOf(' ');
        return List.of(postcode, postcode.substring(0, space + 2), postcode.substring(0, space));
    }
}
