package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.councilbot.core.BinCollection;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.PropertyAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Next collection dates worked out from a fixed clock; 14 September 2026 is a Monday. */
class FileCollectionScheduleTest {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Path DEMO_ROUNDS = Path.of("../evals/suites/demo/lookups/bin-collections.csv");
    static final Path DEMO_CHANGES = Path.of("../evals/suites/demo/lookups/bin-collection-changes.csv");
    static final String TUESDAY_ROUNDS = """
            covers,round,weekday,every_weeks,week_of
            BF1 2,Recycling (blue bin),Tuesday,2,2026-09-14
            BF1 2,General rubbish (black bin),Tuesday,2,2026-09-21
            BF1 2,Food waste (caddy),Tuesday,1,2026-09-14
            """;
    static final PropertyAddress MILL_LANE = new PropertyAddress("900001200001", "1 Mill Lane, Brackenford, BF1 2AB",
            "BF1 2AB", Optional.empty());

    @TempDir
    Path dir;

    @Test
    void gives_the_next_date_of_each_round_soonest_first() throws IOException {
        // given: Wednesday 7 October, the day after a black-bin Tuesday
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds(TUESDAY_ROUNDS), at("2026-10-07T10:00:00Z"));

        // when
        List<BinCollection> next = schedule.collectionsAt(MILL_LANE);

        // then: blue and food next Tuesday (file order between them), black the Tuesday after
        assertThat(next).containsExactly(
                new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 10, 13), "every other week"),
                new BinCollection("Food waste (caddy)", LocalDate.of(2026, 10, 13), "every week"),
                new BinCollection("General rubbish (black bin)", LocalDate.of(2026, 10, 20), "every other week"));
    }

    @Test
    void a_collection_today_is_still_next_in_the_councils_time_zone() throws IOException {
        // 23:30 UTC on Monday 12 October is 00:30 on Tuesday 13 October in London (BST)
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds(TUESDAY_ROUNDS), at("2026-10-12T23:30:00Z"));

        assertThat(schedule.collectionsAt(MILL_LANE)).extracting(BinCollection::next)
                .containsExactly(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 20));
    }

    @Test
    void counts_weeks_across_months_and_from_an_anchor_in_the_future() throws IOException {
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds("""
                covers,round,weekday,every_weeks,week_of,frequency
                BF4,Clinical waste,Wednesday,3,2026-09-16,every three weeks
                BF4,Glass box,Mon,4,2027-03-01,
                BF4,Bulky bags,Friday,1,2026-09-17,
                """), at("2026-10-08T09:00:00Z"));

        // 16 Sep, 7 Oct, 28 Oct; Glass counts back from 1 March 2027 in fours: ..., 12 Oct, 9 Nov;
        // the anchor week of Thursday 17 September gives Friday 18 September, weekly.
        assertThat(schedule.collectionsAt(new PropertyAddress("900004200001", "21 Mill Road", "BF4 2MR", Optional.empty())))
                .containsExactly(
                        new BinCollection("Bulky bags", LocalDate.of(2026, 10, 9), "every week"),
                        new BinCollection("Glass box", LocalDate.of(2026, 10, 12), "every 4 weeks"),
                        new BinCollection("Clinical waste", LocalDate.of(2026, 10, 28), "every three weeks"));
    }

    @Test
    void a_uprn_row_wins_over_a_postcode_and_a_postcode_over_its_sector_and_district() throws IOException {
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds("""
                covers,round,weekday,every_weeks,week_of
                BF1,District round,Monday,1,2026-09-14
                BF1 2,Sector round,Tuesday,1,2026-09-14
                BF1 2AB,Postcode round,Wednesday,1,2026-09-14
                900001200009,Own round,Thursday,1,2026-09-14
                """), at("2026-10-05T09:00:00Z"));

        assertThat(rounds(schedule, "900001200009", "BF1 2AB")).containsExactly("Own round");
        assertThat(rounds(schedule, "900001200001", "BF1 2AB")).containsExactly("Postcode round");
        assertThat(rounds(schedule, "900001200002", "BF1 2AD")).containsExactly("Sector round");
        assertThat(rounds(schedule, "900001400001", "BF1 4HT")).containsExactly("District round");
        assertThat(rounds(schedule, "900009900001", "BF9 2PQ")).as("an area the file does not cover").isEmpty();
    }

    @Test
    void changes_move_or_cancel_a_collection() throws IOException {
        // given: Tuesday 13 October moved to Wednesday for every round; food cancelled on the 20th
        Path changes = file("changes.csv", """
                date,moved_to,round
                2026-10-13,2026-10-14,
                2026-10-20,,Food waste (caddy)
                """);
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds(TUESDAY_ROUNDS), changes,
                at("2026-10-13T08:00:00Z"));

        // when / then: on the Tuesday itself the moved collections are tomorrow
        assertThat(schedule.collectionsAt(MILL_LANE)).containsExactly(
                new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 10, 14), "every other week"),
                new BinCollection("Food waste (caddy)", LocalDate.of(2026, 10, 14), "every week"),
                new BinCollection("General rubbish (black bin)", LocalDate.of(2026, 10, 20), "every other week"));

        // and the day after, food skips the cancelled 20th
        FileCollectionSchedule later = FileCollectionSchedule.load(rounds(TUESDAY_ROUNDS), changes,
                at("2026-10-15T08:00:00Z"));
        assertThat(later.collectionsAt(MILL_LANE)).extracting(BinCollection::round, BinCollection::next)
                .contains(org.assertj.core.groups.Tuple.tuple("Food waste (caddy)", LocalDate.of(2026, 10, 27)));
    }

    @Test
    void a_collection_moved_from_yesterday_to_today_is_today() throws IOException {
        Path changes = file("changes.csv", "date,moved_to\n2026-10-06,2026-10-08\n");
        FileCollectionSchedule schedule = FileCollectionSchedule.load(rounds(TUESDAY_ROUNDS), changes,
                at("2026-10-08T07:00:00Z"));

        assertThat(schedule.collectionsAt(MILL_LANE)).first()
                .isEqualTo(new BinCollection("General rubbish (black bin)", LocalDate.of(2026, 10, 8), "every other week"));
    }

    @Test
    void a_bad_round_stops_the_load_naming_the_file_and_line() throws IOException {
        String header = "covers,round,weekday,every_weeks,week_of\n";
        assertBad(header + "BF1 2,Blue,Funday,2,2026-09-14\n", "line 2 has the weekday 'FUNDAY'; use Monday to Sunday");
        assertBad(header + "BF1 2,Blue,Monday,0,2026-09-14\n", "line 2 has every_weeks '0'; it must be a whole number from 1 to 52");
        assertBad(header + "BF1 2,Blue,Monday,2,14/09/2026\n", "line 2 has the week_of '14/09/2026', which is not a date like 2026-09-14");
        assertBad(header + "Mill Lane,Blue,Monday,2,2026-09-14\n", "line 2 covers 'MILL LANE', which is not a UPRN, postcode");
        assertBad(header + "BF1 2,Blue,Monday,2,2026-09-14\nBF1 2,blue,Monday,1,2026-09-14\n",
                "line 3 repeats the round 'blue' for BF1 2");
        assertBad(header + "BF1 2,,Monday,2,2026-09-14\n", "line 2 has no round");
        assertBad("covers,round,weekday,every_weeks\n", "line 1 has no week_of column");
    }

    @Test
    void a_bad_change_stops_the_load_naming_the_file_and_line() throws IOException {
        Path rounds = rounds(TUESDAY_ROUNDS);
        assertBadChanges(rounds, "date,moved_to,round\n2026-10-13,,Recycling (green bin)\n",
                "line 2 names the round 'Recycling (green bin)', which the bin collection file does not have");
        assertBadChanges(rounds, "date,moved_to\n2026-10-13,next week\n",
                "line 2 has the moved_to 'next week', which is not a date");
        assertBadChanges(rounds, "date,moved_to\n2026-10-13,2026-10-14\n2026-10-13,2026-10-15\n",
                "line 3 changes 2026-10-13 a second time");
    }

    @Test
    void the_demo_rounds_follow_the_demo_pages() {
        // given: Tuesday 15 September 2026, the week blue bins were collected; Hill Top is on the Monday round
        FileCollectionSchedule schedule = FileCollectionSchedule.load(DEMO_ROUNDS, DEMO_CHANGES, at("2026-09-15T09:00:00Z"));
        PropertyAddress hillTop = FileAddressDirectory.load(FileAddressDirectoryTest.DEMO).addressesAt("BF1 4HT").getFirst();

        // when / then: black bins and food next Monday, blue and garden the Monday after
        assertThat(schedule.collectionsAt(hillTop)).containsExactly(
                new BinCollection("General rubbish (black bin)", LocalDate.of(2026, 9, 21), "every other week"),
                new BinCollection("Food waste (caddy)", LocalDate.of(2026, 9, 21), "every week"),
                new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 9, 28), "every other week"),
                new BinCollection("Garden waste (brown bin, subscribers only)", LocalDate.of(2026, 9, 28), "every other week"));
    }

    @Test
    void the_demo_rounds_move_over_christmas_as_the_demo_page_says() {
        // given: Christmas Eve 2026; Marsh Tilney is on the Friday round
        FileCollectionSchedule schedule = FileCollectionSchedule.load(DEMO_ROUNDS, DEMO_CHANGES, at("2026-12-24T12:00:00Z"));
        PropertyAddress seaRoad = FileAddressDirectory.load(FileAddressDirectoryTest.DEMO).addressesAt("BF9 2PQ").getFirst();

        // when / then: Christmas Day moves to Saturday 26th; no garden waste that week; New Year's Day's
        // black bins move to Monday 4 January, and the garden round returns on Saturday 9 January
        assertThat(schedule.collectionsAt(seaRoad)).containsExactly(
                new BinCollection("Recycling (blue bin)", LocalDate.of(2026, 12, 26), "every other week"),
                new BinCollection("Food waste (caddy)", LocalDate.of(2026, 12, 26), "every week"),
                new BinCollection("General rubbish (black bin)", LocalDate.of(2027, 1, 4), "every other week"),
                new BinCollection("Garden waste (brown bin, subscribers only)", LocalDate.of(2027, 1, 9), "every other week"));
    }

    @Test
    void every_demo_address_has_all_four_rounds() {
        FileCollectionSchedule schedule = FileCollectionSchedule.load(DEMO_ROUNDS, DEMO_CHANGES, at("2027-05-01T12:00:00Z"));
        FileAddressDirectory addresses = FileAddressDirectory.load(FileAddressDirectoryTest.DEMO);

        for (String postcode : new String[] {"BF1 2AB", "BF1 4HT", "BF4 2MR", "BF6 4LW", "BF9 2PQ"}) {
            assertThat(addresses.addressesAt(postcode)).allSatisfy(address ->
                    assertThat(schedule.collectionsAt(address)).as(address.singleLine()).hasSize(4)
                            .allSatisfy(c -> assertThat(c.next()).isBetween(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 15))));
        }
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), LONDON);
    }

    private static List<String> rounds(FileCollectionSchedule schedule, String uprn, String postcode) {
        return schedule.collectionsAt(new PropertyAddress(uprn, "an address", postcode, Optional.empty())).stream()
                .map(BinCollection::round).toList();
    }

    private Path rounds(String text) throws IOException {
        return file("rounds.csv", text);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private void assertBad(String text, String message) throws IOException {
        Path file = rounds(text);
        Clock clock = at("2026-10-07T10:00:00Z");
        assertThatThrownBy(() -> FileCollectionSchedule.load(file, clock))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("The bin collection file " + file)
                .hasMessageContaining(message);
    }

    private void assertBadChanges(Path rounds, String text, String message) throws IOException {
        Path changes = file("changes.csv", text);
        Clock clock = at("2026-10-07T10:00:00Z");
        assertThatThrownBy(() -> FileCollectionSchedule.load(rounds, changes, clock))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("The bin collection changes file " + changes)
                .hasMessageContaining(message);
    }
}
