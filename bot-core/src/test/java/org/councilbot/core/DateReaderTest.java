package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateReaderTest {
    /** A Wednesday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static Optional<LocalDate> day(String text) {
        return DateReader.read(text, TODAY).map(LocalDateTime::toLocalDate);
    }

    @Test
    void reads_weeks_and_fortnights_ago() {
        assertThat(day("about three weeks ago")).contains(LocalDate.of(2026, 11, 4));
        assertThat(day("a fortnight ago")).contains(LocalDate.of(2026, 11, 11));
        assertThat(day("a couple of days ago")).contains(LocalDate.of(2026, 11, 23));
        assertThat(day("2 months ago")).contains(LocalDate.of(2026, 9, 25));
    }

    @Test
    void reads_last_and_next_weekdays_on_the_right_side_of_today() {
        // Regression: "next friday" was read as last Friday.
        assertThat(day("last tuesday")).contains(LocalDate.of(2026, 11, 24));
        assertThat(day("last wednesday")).contains(LocalDate.of(2026, 11, 18));
        assertThat(day("next friday")).contains(LocalDate.of(2026, 11, 27));
        assertThat(day("next wednesday")).contains(LocalDate.of(2026, 12, 2));
        assertThat(day("on monday")).contains(LocalDate.of(2026, 11, 23));
    }

    @Test
    void reads_a_day_of_the_month_said_alone() {
        assertThat(day("the 3rd")).contains(LocalDate.of(2026, 11, 3));
        assertThat(day("on the 28th")).contains(LocalDate.of(2026, 10, 28));
        assertThat(day("since the 3rd of november")).contains(LocalDate.of(2026, 11, 3));
    }

    @Test
    void finds_no_day_in_impossible_dates() {
        assertThat(day("31/11")).isEmpty();
        assertThat(day("the 31st of september")).isEmpty();
    }

    @Test
    void keeps_times_of_day() {
        assertThat(DateReader.read("yesterday evening", TODAY)).contains(LocalDateTime.of(2026, 11, 24, 18, 0));
        assertThat(DateReader.read("last tuesday at 6.45pm", TODAY)).contains(LocalDateTime.of(2026, 11, 24, 18, 45));
        assertThat(DateReader.read("last night", TODAY)).contains(LocalDateTime.of(2026, 11, 24, 22, 0));
        // Regression: the "night" in "fortnight" made it 10pm.
        assertThat(DateReader.read("a fortnight ago", TODAY)).contains(LocalDateTime.of(2026, 11, 11, 12, 0));
    }
}
