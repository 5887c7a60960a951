package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Drives the chat page in headless Chromium, as a resident would. */
class ChatPageBrowserTest {
    @TempDir
    static Path dataDir;
    private static HeadlessChromium chromium;
    private static TestCouncilbot bot;

    @BeforeAll
    static void start() throws Exception {
        chromium = HeadlessChromium.start(dataDir);
        bot = TestCouncilbot.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void a_resident_asks_about_recycling_and_sees_the_answer_with_its_source() {
        ChatPage page = chromium.open(bot);
        page.waitUntil("the council's name in the title", browser -> page.title().equals("Ask Testvale Borough Council"));
        assertThat(page.contact()).contains("01632 960100");
        page.ask("when is my recycling collected?");
        WebElement reply = page.waitUntil("a reply", page.reply(1));
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getText()).contains("Mondays");
        WebElement source = reply.findElement(By.cssSelector(".sources a"));
        assertThat(source.getAttribute("href")).isEqualTo("https://www.testvale.example.gov.uk/bins/recycling-collections");
        assertThat(source.getText()).contains("Recycling collections");
    }

    @Test
    void quick_replies_can_be_tapped() {
        ChatPage page = chromium.open(bot);
        page.ask("hello");
        page.waitUntil("quick replies", page.quickReplies());
        page.tapQuickReply("Pay council tax");
        WebElement reply = page.waitUntil("a second reply", page.reply(2));
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getText()).containsIgnoringCase("direct debit");
    }
}
