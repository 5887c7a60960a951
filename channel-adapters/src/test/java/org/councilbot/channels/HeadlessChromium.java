package org.councilbot.channels;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through its chromedriver: the binaries named by
 * {@code COUNCILBOT_TEST_CHROMIUM} and {@code COUNCILBOT_TEST_CHROMEDRIVER}, which
 * {@code ./councilbot test} sets. Without them the calling tests are skipped.
 */
final class HeadlessChromium implements AutoCloseable {
    private final WebDriver driver;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
    }

    /** Skips the calling tests when the variables are unset; a profile folder is made under {@code workDir}. */
    static HeadlessChromium start(Path workDir) throws IOException {
        String chromium = System.getenv("COUNCILBOT_TEST_CHROMIUM");
        String chromedriver = System.getenv("COUNCILBOT_TEST_CHROMEDRIVER");
        assumeTrue(chromium != null && chromedriver != null,
                "COUNCILBOT_TEST_CHROMIUM and COUNCILBOT_TEST_CHROMEDRIVER are unset; ./councilbot test sets them");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + Files.createTempDirectory(workDir, "chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    /** The chat page at {@code bot}'s address, freshly loaded. */
    ChatPage open(TestCouncilbot bot) {
        driver.get(bot.uri("/").toString());
        return new ChatPage(driver);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
