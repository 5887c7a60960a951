package org.councilbot.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Drives the chat page in headless Chromium, as a resident would. */
class ChatPageBrowserTest {
    @TempDir
    static Path dataDir;
    private static TestCouncilbot bot;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        String chromium = System.getenv("COUNCILBOT_TEST_CHROMIUM");
        String chromedriver = System.getenv("COUNCILBOT_TEST_CHROMEDRIVER");
        assumeTrue(chromium != null && chromedriver != null,
                "COUNCILBOT_TEST_CHROMIUM and COUNCILBOT_TEST_CHROMEDRIVER are unset; ./councilbot test sets them");
        bot = TestCouncilbot.start(dataDir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(dataDir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (bot != null) {
            bot.close();
        }
    }

    @Test
    void a_resident_asks_about_recycling_and_sees_the_answer_with_its_source() {
        browser.get(bot.uri("/").toString());
        waitFor(() -> browser.getTitle().equals("Ask Testvale Borough Council") ? Boolean.TRUE : null);
        assertThat(browser.findElement(By.id("contact")).getText()).contains("01632 960100");
        ask("when is my recycling collected?");
        WebElement reply = waitFor(() -> botReplies().size() >= 1 ? botReplies().get(0) : null);
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getText()).contains("Mondays");
        WebElement source = reply.findElement(By.cssSelector(".sources a"));
        assertThat(source.getAttribute("href")).isEqualTo("https://www.testvale.example.gov.uk/bins/recycling-collections");
        assertThat(source.getText()).contains("Recycling collections");
    }

    @Test
    void quick_replies_can_be_tapped() {
        browser.get(bot.uri("/").toString());
        ask("hello");
        waitFor(() -> browser.findElements(By.cssSelector("#quick-replies button")).isEmpty() ? null : Boolean.TRUE);
        browser.findElement(By.xpath("//div[@id='quick-replies']/button[text()='Pay council tax']")).click();
        WebElement reply = waitFor(() -> botReplies().size() >= 2 ? botReplies().get(1) : null);
        assertThat(reply.getAttribute("data-action")).isEqualTo("answer");
        assertThat(reply.getText()).containsIgnoringCase("direct debit");
    }

    private static void ask(String question) {
        WebElement input = browser.findElement(By.id("message"));
        input.sendKeys(question);
        browser.findElement(By.id("send")).click();
    }

    private static List<WebElement> botReplies() {
        return browser.findElements(By.cssSelector("#transcript li.bot"));
    }

    private static <T> T waitFor(Supplier<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the page did not reach the expected state within 30 seconds; title '"
                + browser.getTitle() + "', transcript '" + browser.findElement(By.id("transcript")).getText()
                + "', status '" + browser.findElement(By.id("status")).getText() + "'");
    }
}
