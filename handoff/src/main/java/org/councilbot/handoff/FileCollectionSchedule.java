package org.councilbot.handoff;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.councilbot.core.BinCollection;
import org.councilbot.core.CollectionSchedule;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.PropertyAddress;
import org.councilbot.core.UkPostcodes;

/**
 * Bin collection rounds kept in a CSV file, the next date of each worked out from today, so a
 * schedule written once never goes stale.
 *
 * <p>Each row is one round where it {@code covers}: a UPRN, a postcode ("BF1 2AB"), a postcode
 * sector ("BF1 2") or district ("BF1"); an address takes the rows of its UPRN if there are any,
 * else of its most precise postcode match. A round is collected on its {@code weekday} every
 * {@code every_weeks} weeks, in the weeks counted from {@code week_of} (any date in one of its
 * collection weeks, e.g. the Monday of a blue-bin week). An optional changes file moves or
 * cancels collections, e.g. over Christmas: {@code date,moved_to,round}, where an empty
 * {@code moved_to} means no collection that day and an empty {@code round} means every round.
 */
public final class FileCollectionSchedule implements CollectionSchedule {
    private static final List<String> ROUND_COLUMNS = List.of("covers", "round", "weekday", "every_weeks", "week_of");
    private static final Set<String> ROUND_OPTIONAL = Set.of("frequency");
    private static final List<String> CHANGE_COLUMNS = List.of("date", "moved_to");
    private static final Set<String> CHANGE_OPTIONAL = Set.of("round");
    private static final Pattern UPRN = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SECTOR = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9]");
    private static final Pattern DISTRICT = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");
    private static final int MAX_EVERY_WEEKS = 52;
    /** How far back to look for a collection that a change moved to today or later. */
    private static final int LOOK_BACK_DAYS = 21;
    private static final int MAX_OCCURRENCES = 120;

    private final Map<String, List<Round>> byCovers;
    private final Map<Change, Optional<LocalDate>> changes;
    private final Clock clock;

    private FileCollectionSchedule(Map<String, List<Round>> byCovers, Map<Change, Optional<LocalDate>> changes,
                                   Clock clock) {
        this.byCovers = byCovers;
        this.changes = changes;
        this.clock = clock;
    }

    /** Reads the rounds; throws {@link CouncilbotException} naming the file and line of the first problem. */
    public static FileCollectionSchedule load(Path rounds, Clock clock) {
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(clock, "clock");
        return new FileCollectionSchedule(rounds(rounds), Map.of(), clock);
    }

    /** Reads the rounds and the changes to them (bank holidays); each bad line stops the load. */
    public static FileCollectionSchedule load(Path rounds, Path changes, Clock clock) {
        Objects.requireNonNull(rounds, "rounds");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(clock, "clock");
        Map<String, List<Round>> byCovers = rounds(rounds);
        Set<String> names = new HashSet<>();
        byCovers.values().forEach(list -> list.forEach(round -> names.add(round.name())));
        return new FileCollectionSchedule(byCovers, changes(changes, names), clock);
    }

    @Override
    public List<BinCollection> collectionsAt(PropertyAddress address) {
        Objects.requireNonNull(address, "address");
        LocalDate today = LocalDate.now(clock);
        List<BinCollection> next = new ArrayList<>();
        for (Round round : roundsAt(address)) {
            nextCollection(round, today).ifPresent(date -> next.add(new BinCollection(round.name(), date, round.frequency())));
        }
        next.sort(Comparator.comparing(BinCollection::next)); // stable: the file's order among rounds on one day
        return List.copyOf(next);
    }

    @Override
    public String toString() {
        return "FileCollectionSchedule[" + byCovers.size() + " areas, " + changes.size() + " changes]";
    }

    private List<Round> roundsAt(PropertyAddress address) {
        List<Round> byUprn = byCovers.get(address.uprn().strip());
        if (byUprn != null) {
            return byUprn;
        }
        Optional<String> postcode = UkPostcodes.normalise(address.postcode());
        if (postcode.isEmpty()) {
            return List.of();
        }
        return Postcodes.widening(postcode.get()).stream()
                .map(byCovers::get).filter(Objects::nonNull).findFirst().orElse(List.of());
    }

    /** The first regular date on or after today once changes are applied. */
    private Optional<LocalDate> nextCollection(Round round, LocalDate today) {
        long period = 7L * round.everyWeeks();
        LocalDate from = today.minusDays(LOOK_BACK_DAYS);
        long cycles = Math.floorDiv(ChronoUnit.DAYS.between(round.first(), from) + period - 1, period);
        LocalDate regular = round.first().plusDays(cycles * period);
        for (int i = 0; i < MAX_OCCURRENCES; i++, regular = regular.plusDays(period)) {
            Optional<LocalDate> actual = changed(round.name(), regular);
            if (actual.isPresent() && !actual.get().isBefore(today)) {
                return actual;
            }
        }
        return Optional.empty();
    }

    private Optional<LocalDate> changed(String round, LocalDate regular) {
        Optional<LocalDate> forRound = changes.get(new Change(regular, round));
        if (forRound != null) {
            return forRound;
        }
        Optional<LocalDate> forAll = changes.get(new Change(regular, ""));
        return forAll != null ? forAll : Optional.of(regular);
    }

    private static Map<String, List<Round>> rounds(Path file) {
        CsvFile csv = CsvFile.read(file, "bin collection file", ROUND_COLUMNS, ROUND_OPTIONAL);
        Map<String, List<Round>> byCovers = new LinkedHashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            String covers = covers(row);
            String name = Texts.clean(row.required("round"));
            DayOfWeek weekday = weekday(row);
            int every = everyWeeks(row);
            LocalDate weekOf = date(row, "week_of", row.required("week_of"));
            LocalDate first = weekOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .plusDays(weekday.getValue() - 1L);
            String frequency = row.get("frequency").isEmpty() ? frequency(every) : Texts.clean(row.get("frequency"));
            List<Round> rounds = byCovers.computeIfAbsent(covers, c -> new ArrayList<>());
            if (rounds.stream().anyMatch(round -> round.name().equalsIgnoreCase(name))) {
                throw row.problem("repeats the round " + Texts.quote(name) + " for " + covers);
            }
            rounds.add(new Round(name, first, every, frequency));
        }
        Map<String, List<Round>> frozen = new HashMap<>();
        byCovers.forEach((covers, rounds) -> frozen.put(covers, List.copyOf(rounds)));
        return Map.copyOf(frozen);
    }

    private static Map<Change, Optional<LocalDate>> changes(Path file, Set<String> roundNames) {
        CsvFile csv = CsvFile.read(file, "bin collection changes file", CHANGE_COLUMNS, CHANGE_OPTIONAL);
        Map<Change, Optional<LocalDate>> changes = new HashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            LocalDate date = date(row, "date", row.required("date"));
            Optional<LocalDate> movedTo = row.get("moved_to").isEmpty() ? Optional.empty()
                    : Optional.of(date(row, "moved_to", row.get("moved_to")));
            String round = Texts.clean(row.get("round"));
            if (!round.isEmpty() && !roundNames.contains(round)) {
                throw row.problem("names the round " + Texts.quote(round) + ", which the bin collection file does not have");
            }
            if (changes.put(new Change(date, round), movedTo) != null) {
                throw row.problem("changes " + date + (round.isEmpty() ? "" : " for " + round) + " a second time");
            }
        }
        return Map.copyOf(changes);
    }

    private static String covers(CsvFile.Row row) {
        String text = row.required("covers").toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (UPRN.matcher(text).matches()) {
            return text;
        }
        Optional<String> postcode = UkPostcodes.normalise(text);
        if (postcode.isPresent()) {
            return postcode.get();
        }
        if (SECTOR.matcher(text).matches() || DISTRICT.matcher(text).matches()) {
            return text;
        }
        throw row.problem("covers " + Texts.quote(text) + ", which is not a UPRN, postcode (BF1 2AB), postcode sector"
                + " (BF1 2) or district (BF1)");
    }

    private static DayOfWeek weekday(CsvFile.Row row) {
        String text = row.required("weekday").toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(text) || day.name().substring(0, 3).equals(text)) {
                return day;
            }
        }
        throw row.problem("has the weekday " + Texts.quote(text) + "; use Monday to Sunday");
    }

    private static int everyWeeks(CsvFile.Row row) {
        String text = row.required("every_weeks");
        try {
            int weeks = Integer.parseInt(text);
            if (weeks >= 1 && weeks <= MAX_EVERY_WEEKS) {
                return weeks;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw row.problem("has every_weeks " + Texts.quote(text) + "; it must be a whole number from 1 to " + MAX_EVERY_WEEKS);
    }

    private static LocalDate date(CsvFile.Row row, String column, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw row.problem("has the " + column + " " + Texts.quote(text) + ", which is not a date like 2026-09-14");
        }
    }

    private static String frequency(int everyWeeks) {
        return switch (everyWeeks) {
            case 1 -> "every week";
            case 2 -> "every other week";
            default -> "every " + everyWeeks + " weeks";
        };
    }

    /** One round where a row covers: its name, one collection date, and how many weeks apart they are. */
    private record Round(String name, LocalDate first, int everyWeeks, String frequency) {
    }

    /** A change to the collection due on {@code date}, for one round or (empty) for all. */
    private record Change(LocalDate date, String round) {
    }
}
