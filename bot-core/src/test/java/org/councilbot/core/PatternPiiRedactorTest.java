package org.councilbot.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternPiiRedactorTest {
    private final PiiRedactor redactor = PiiRedactor.ukPatterns();

    @Test
    void redacts_email_phone_ni_number_card_and_postcode() {
        String text = "I'm jo.bloggs@example.com, 07700 900123, NI AB 12 34 56 C, card 4111 1111 1111 1111, BF1 2AB";
        assertThat(redactor.redact(text))
                .isEqualTo("I'm [email], [phone], NI [ni-number], card [card], [postcode]");
    }

    @Test
    void redacts_international_format_phone_numbers() {
        assertThat(redactor.redact("call +44 1632 960000 please")).isEqualTo("call [phone] please");
    }

    @Test
    void keeps_ordinary_text_and_small_numbers() {
        assertThat(redactor.redact("my bin was missed on 3 June, house 42")).isEqualTo("my bin was missed on 3 June, house 42");
    }
}
