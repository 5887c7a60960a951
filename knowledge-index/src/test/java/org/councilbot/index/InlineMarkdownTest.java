package org.councilbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InlineMarkdownTest {

    @Test
    void turns_links_into_text_followed_by_the_address() {
        assertThat(InlineMarkdown.clean("Use our [bin day finder](https://x.gov.uk/bin_day_finder \"Finder\")."))
                .isEqualTo("Use our bin day finder (https://x.gov.uk/bin_day_finder).");
    }

    @Test
    void shows_email_addresses_and_phone_numbers_without_their_scheme() {
        assertThat(InlineMarkdown.clean("[Email us](mailto:bins@x.gov.uk) or [call](tel:01632960100)"))
                .isEqualTo("Email us (bins@x.gov.uk) or call (01632960100)");
        assertThat(InlineMarkdown.clean("See <https://x.gov.uk/a_b_c>")).isEqualTo("See https://x.gov.uk/a_b_c");
    }

    @Test
    void strips_emphasis_markers_but_not_underscores_inside_words_or_addresses() {
        assertThat(InlineMarkdown.clean("**Bold**, __strong__, *soft*, _light_ and ~~old~~ text"))
                .isEqualTo("Bold, strong, soft, light and old text");
        assertThat(InlineMarkdown.clean("file_name_here and https://x.gov.uk/_private_/page"))
                .isEqualTo("file_name_here and https://x.gov.uk/_private_/page");
    }

    @Test
    void keeps_escaped_characters_and_code_text_literally() {
        assertThat(InlineMarkdown.clean("Costs \\*£5\\* per `bin_tag`")).isEqualTo("Costs *£5* per bin_tag");
    }

    @Test
    void keeps_the_alternative_text_of_images() {
        assertThat(InlineMarkdown.clean("![A blue bin](/img/blue.png) goes out")).isEqualTo("A blue bin goes out");
    }

    @Test
    void lists_the_bold_phrases_as_plain_text_once_each() {
        assertThat(InlineMarkdown.emphasised("Register within **5 days**. Fees: __£12.50__ or **[£38.50](https://x.gov.uk/fees)**;"
                + " again **5 days**, and *not this*."))
                .containsExactly("5 days", "£12.50", "£38.50 (https://x.gov.uk/fees)");
    }
}
