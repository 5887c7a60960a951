package org.councilbot.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a postcode into the address the resident means: looks the postcode up in the council's
 * address directory, offers the addresses there (numbered, up to {@value #MOST_SHOWN}; more are
 * narrowed by house number or name first) and reads the resident's pick. Forms and lookups share it.
 *
 * <p>Nothing is held here between turns: what was offered travels in {@link FormState.AddressChoice}.
 */
final class AddressPicker {
    static final int MOST_SHOWN = 8;
    static final String NOT_LISTED = "It's not listed";
    private static final Pattern NOT_LISTED_WORDS = Pattern.compile("\\b(not listed|isn'?t listed|not (there|here|on "
            + "(the|this|that) list|in (the|this|that) list|one of (them|these|those))|none of (them|these|those|the above)|"
            + "neither|not any of (them|these)|can'?t see (it|mine|my address)|not in the list|"
            + "isn'?t (there|here)|not mine|different address|somewhere else|describe it)\\b");
    private static final Pattern INDEX = Pattern.compile("^(?:(?:number|no\\.?|option|the) )?(\\d{1,2})(?:st|nd|rd|th)?"
            + "(?: one)?[.)]?$");
    private static final Map<String, Integer> ORDINALS = Map.of("first", 1, "second", 2, "third", 3, "fourth", 4,
            "fifth", 5, "sixth", 6, "seventh", 7, "eighth", 8, "last", -1);
    private static final Pattern FILLER = Pattern.compile("\\b(my|the|our|postcode|post code|address|is|it'?s|its|"
            + "at|in|for|please|thanks|it|i live|live)\\b");
    private static final Pattern NUMBER_TOKEN = Pattern.compile("\\b\\d+[a-z]?\\b");

    private final Optional<AddressDirectory> directory;

    AddressPicker(Optional<AddressDirectory> directory) {
        this.directory = directory;
    }

    boolean configured() {
        return directory.isPresent();
    }

    /** What the picker made of a message. */
    sealed interface Step {
        /** The resident's address. */
        record Picked(PropertyAddress address) implements Step {}

        /** Addresses to choose from (or a house number to ask for), with the words to say. */
        record Offered(FormState.AddressChoice choice, String text, List<String> quickReplies) implements Step {}

        /** The directory knows no address at the postcode. */
        record NoneFound(String postcode) implements Step {}

        /** The directory cannot be asked just now. */
        record Unavailable(String postcode, String rest) implements Step {}

        /** The resident says the place is none of those offered, perhaps describing it in the same breath. */
        record NotListed(String postcode, String description) implements Step {}
    }

    /**
     * Looks up the postcode a message gives; empty when it gives none or no directory is
     * configured. Words said with the postcode ("14 Elm Road, BF1 2AB") pick from the addresses at once.
     */
    Optional<Step> lookUp(String text) {
        Optional<String> postcode = UkPostcodes.find(text);
        if (directory.isEmpty() || postcode.isEmpty()) {
            return Optional.empty();
        }
        String rest = withoutPostcode(text);
        List<PropertyAddress> addresses;
        try {
            addresses = directory.get().addressesAt(postcode.get());
        } catch (LookupUnavailableException e) {
            return Optional.of(new Step.Unavailable(postcode.get(), rest));
        }
        if (addresses.isEmpty()) {
            return Optional.of(new Step.NoneFound(postcode.get()));
        }
        if (!FormWords.of(rest).stream().allMatch(FormWords.Word::function)) {
            List<PropertyAddress> matching = matching(addresses, rest);
            if (matching.size() == 1) {
                return Optional.of(new Step.Picked(matching.get(0)));
            }
            if (!matching.isEmpty() && matching.size() <= MOST_SHOWN) {
                return Optional.of(offer(postcode.get(), matching, ""));
            }
        }
        if (addresses.size() == 1) {
            return Optional.of(new Step.Picked(addresses.get(0)));
        }
        return Optional.of(offer(postcode.get(), addresses, ""));
    }

    /** The resident's reply to addresses offered: a pick, a narrower list, another postcode, or none of them. */
    Step choose(FormState.AddressChoice choice, String text) {
        String lower = FormCommands.lower(text).replaceAll("[.!]+$", "");
        Matcher notListed = NOT_LISTED_WORDS.matcher(lower);
        if (notListed.find()) {
            String rest = text.strip().substring(Math.min(text.strip().length(), notListed.end()))
                    .replaceAll("^[\\s,.;:-]*(it'?s|its|it is)?\\s*", "").strip();
            return new Step.NotListed(choice.postcode(), rest.split("\\s+").length >= 3 ? rest : "");
        }
        if (lower.equalsIgnoreCase(NOT_LISTED.toLowerCase(Locale.ROOT))) {
            return new Step.NotListed(choice.postcode(), "");
        }
        Optional<String> postcode = UkPostcodes.find(text);
        if (postcode.isPresent() && !postcode.get().equals(choice.postcode())) {
            return lookUp(text).orElse(new Step.NoneFound(postcode.get()));
        }
        List<PropertyAddress> offered = choice.addresses();
        if (offered.size() <= MOST_SHOWN) {
            Optional<PropertyAddress> byNumber = byPosition(offered, lower);
            if (byNumber.isPresent()) {
                return new Step.Picked(byNumber.get());
            }
        }
        for (PropertyAddress address : offered) {
            if (address.singleLine().equalsIgnoreCase(text.strip())) {
                return new Step.Picked(address);
            }
        }
        List<PropertyAddress> matching = matching(offered, withoutPostcode(text));
        if (matching.size() == 1) {
            return new Step.Picked(matching.get(0));
        }
        if (!matching.isEmpty() && matching.size() < offered.size()) {
            return offer(choice.postcode(), matching, "");
        }
        return offer(choice.postcode(), offered, matching.isEmpty() ? "I couldn't find that at " + choice.postcode() + ". " : "");
    }

    /** What to say when the addresses at a postcode are offered, or a house number is needed first. */
    static Step.Offered offer(String postcode, List<PropertyAddress> addresses, String lead) {
        FormState.AddressChoice choice = new FormState.AddressChoice(postcode, addresses);
        if (addresses.size() > MOST_SHOWN) {
            return new Step.Offered(choice, lead + "There are " + addresses.size() + " addresses at " + postcode
                    + ". What's the house number or name?", List.of(NOT_LISTED));
        }
        StringBuilder text = new StringBuilder(lead + "I found " + (addresses.size() == 1 ? "this address" : "these addresses")
                + " at " + postcode + ":");
        List<String> quickReplies = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            text.append("\n").append(i + 1).append(". ").append(addresses.get(i).singleLine());
            quickReplies.add(addresses.get(i).singleLine());
        }
        quickReplies.add(NOT_LISTED);
        return new Step.Offered(choice, text.append("\nWhich one is it? Choose a number, or say it's not listed.")
                .toString(), quickReplies);
    }

    /** "2", "number 2", "the second one", "the last one". */
    private static Optional<PropertyAddress> byPosition(List<PropertyAddress> offered, String lower) {
        Matcher index = INDEX.matcher(lower.strip());
        int position = 0;
        if (index.matches()) {
            position = Integer.parseInt(index.group(1));
        } else {
            for (Map.Entry<String, Integer> ordinal : ORDINALS.entrySet()) {
                if (lower.matches("^(the )?" + ordinal.getKey() + "( one)?$")) {
                    position = ordinal.getValue() < 0 ? offered.size() : ordinal.getValue();
                }
            }
        }
        return position >= 1 && position <= offered.size() ? Optional.of(offered.get(position - 1)) : Optional.empty();
    }

    /**
     * The addresses the words fit: every house number said is in the address, and as many of the
     * other words as any address has. Empty when the words fit none.
     */
    static List<PropertyAddress> matching(List<PropertyAddress> addresses, String words) {
        String lower = FILLER.matcher(FormCommands.lower(words)).replaceAll(" ");
        Set<String> numbers = new LinkedHashSet<>();
        Matcher number = NUMBER_TOKEN.matcher(lower);
        while (number.find()) {
            numbers.add(number.group());
        }
        Set<String> said = new LinkedHashSet<>();
        for (FormWords.Word word : FormWords.of(NUMBER_TOKEN.matcher(lower).replaceAll(" "))) {
            if (!word.function()) {
                said.add(word.stem());
            }
        }
        if (numbers.isEmpty() && said.isEmpty()) {
            return List.of();
        }
        List<PropertyAddress> best = new ArrayList<>();
        int bestShared = -1;
        for (PropertyAddress address : addresses) {
            String line = withoutPostcode(address.singleLine()).toLowerCase(Locale.ROOT);
            Set<String> lineNumbers = new LinkedHashSet<>();
            Matcher lineNumber = NUMBER_TOKEN.matcher(line);
            while (lineNumber.find()) {
                lineNumbers.add(lineNumber.group());
            }
            if (!lineNumbers.containsAll(numbers)) {
                continue;
            }
            Set<String> lineWords = new LinkedHashSet<>(FormWords.stems(line));
            int shared = (int) said.stream().filter(lineWords::contains).count();
            if (!said.isEmpty() && shared == 0 && numbers.isEmpty()) {
                continue;
            }
            if (shared > bestShared) {
                best.clear();
                bestShared = shared;
            }
            if (shared == bestShared) {
                best.add(address);
            }
        }
        return best;
    }

    private static String withoutPostcode(String text) {
        return UkPostcodes.without(text).replaceAll("[,.;]", " ").strip();
    }
}
