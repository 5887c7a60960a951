package org.councilbot.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.GeoPoint;
import org.councilbot.core.PropertyAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAddressDirectoryTest {
    static final Path DEMO = Path.of("../evals/suites/demo/lookups/addresses.csv");

    @TempDir
    Path dir;

    @Test
    void finds_the_addresses_at_a_postcode_however_it_is_typed() throws IOException {
        // given
        FileAddressDirectory directory = FileAddressDirectory.load(file("""
                # a comment, then the header
                uprn,address,postcode,latitude,longitude
                900001200001,"1 Mill Lane, Brackenford, BF1 2AB",BF1 2AB,52.70923,0.42141
                900001200002,"2 Mill Lane, Brackenford, BF1 2AB",bf12ab,,

                900001400001,"1 Hill Top, Brackenford, BF1 4HT",BF1 4HT,52.72197,0.41513
                """));

        // when / then
        assertThat(directory.addressesAt(" bf1  2ab ")).containsExactly(
                new PropertyAddress("900001200001", "1 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB",
                        Optional.of(new GeoPoint(52.70923, 0.42141))),
                new PropertyAddress("900001200002", "2 Mill Lane, Brackenford, BF1 2AB", "BF1 2AB", Optional.empty()));
        assertThat(directory.addressesAt("BF1 4HT")).extracting(PropertyAddress::uprn).containsExactly("900001400001");
        assertThat(directory.size()).isEqualTo(3);
    }

    @Test
    void an_unknown_postcode_or_a_text_that_is_no_postcode_has_no_addresses() throws IOException {
        FileAddressDirectory directory = FileAddressDirectory.load(file("""
                uprn,address,postcode
                900001200001,1 Mill Lane,BF1 2AB
                """));

        assertThat(directory.addressesAt("BF9 9ZZ")).isEmpty();
        assertThat(directory.addressesAt("Mill Lane")).isEmpty();
    }

    @Test
    void columns_may_come_in_any_order() throws IOException {
        FileAddressDirectory directory = FileAddressDirectory.load(file("""
                postcode,address,uprn
                BF1 2AB,"Flat A, 9 Mill Lane",900001200009
                """));

        assertThat(directory.addressesAt("BF1 2AB")).singleElement()
                .isEqualTo(new PropertyAddress("900001200009", "Flat A, 9 Mill Lane", "BF1 2AB", Optional.empty()));
    }

    @Test
    void a_bad_row_stops_the_load_naming_the_file_and_line() throws IOException {
        assertBad("uprn,address,postcode\n900001200001,1 Mill Lane,BF1 2AB\nnot-a-uprn,2 Mill Lane,BF1 2AB\n",
                "line 3 has the uprn 'not-a-uprn'; a UPRN is up to 12 digits");
        assertBad("uprn,address,postcode\n900001200001,1 Mill Lane,Mill Lane\n",
                "line 2 has the postcode 'Mill Lane', which is not a UK postcode");
        assertBad("uprn,address,postcode,latitude,longitude\n900001200001,1 Mill Lane,BF1 2AB,north,0.4\n",
                "line 2 has the latitude 'north', which is not a number");
        assertBad("uprn,address,postcode,latitude,longitude\n900001200001,1 Mill Lane,BF1 2AB,152.7,0.4\n",
                "line 2 has the latitude 152.7; it must be between -90 and 90");
        assertBad("uprn,address,postcode,latitude,longitude\n900001200001,1 Mill Lane,BF1 2AB,52.7,\n",
                "line 2 has only one of latitude and longitude");
        assertBad("uprn,address,postcode\n900001200001,1 Mill Lane,BF1 2AB\n900001200001,2 Mill Lane,BF1 2AB\n",
                "line 3 repeats the uprn 900001200001");
        assertBad("uprn,address,postcode\n900001200001,,BF1 2AB\n", "line 2 has no address");
        assertBad("uprn,address,postcode\n900001200001,\"1 Mill Lane,BF1 2AB\n", "line 2 has a quote that is never closed");
        assertBad("uprn,address,postcode\n900001200001,1 Mill Lane,BF1 2AB,extra\n",
                "line 2 has 4 fields but the header names 3 columns");
    }

    @Test
    void a_header_without_a_required_column_or_with_an_unknown_one_is_refused() throws IOException {
        assertBad("uprn,address\n900001200001,1 Mill Lane\n", "line 1 has no postcode column");
        assertBad("uprn,adress,postcode\n", "line 1 names a column 'adress' that is not one of uprn, address, postcode");
        assertBad("# only comments\n", "has no header row");
    }

    @Test
    void a_missing_file_is_named() {
        Path missing = dir.resolve("nowhere.csv");

        assertThatThrownBy(() -> FileAddressDirectory.load(missing))
                .isInstanceOf(CouncilbotException.class)
                .hasMessage("The address file " + missing + " is missing.");
    }

    @Test
    void the_demo_gazetteer_has_each_demo_postcode_with_points_in_the_district() {
        FileAddressDirectory demo = FileAddressDirectory.load(DEMO);

        for (String postcode : new String[] {"BF1 2AB", "BF1 4HT", "BF4 2MR", "BF6 4LW", "BF9 2PQ"}) {
            assertThat(demo.addressesAt(postcode)).as(postcode).hasSizeBetween(4, 12).allSatisfy(address -> {
                assertThat(address.uprn()).hasSize(12);
                assertThat(address.singleLine()).endsWith(postcode);
                assertThat(address.point()).hasValueSatisfying(point -> {
                    assertThat(point.latitude()).isBetween(52.6, 52.8);
                    assertThat(point.longitude()).isBetween(0.3, 0.6);
                });
            });
        }
    }

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("addresses.csv"), text);
    }

    private void assertBad(String text, String message) throws IOException {
        Path file = file(text);
        assertThatThrownBy(() -> FileAddressDirectory.load(file))
                .isInstanceOf(CouncilbotException.class)
                .hasMessageContaining("The address file " + file)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((CouncilbotException) e).code()).isEqualTo("invalid_lookup_file"));
    }
}
