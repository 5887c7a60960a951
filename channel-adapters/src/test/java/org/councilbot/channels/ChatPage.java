package org.councilbot.channels;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The resident's chat page in a browser: what a resident types and taps, and what they see. */
final class ChatPage {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final WebDriver driver;

    ChatPage(WebDriver driver) {
        this.driver = driver;
    }

    void ask(String question) {
        driver.findElement(By.id("message")).sendKeys(question);
        driver.findElement(By.id("send")).click();
    }

    void tapQuickReply(String text) {
        driver.findElement(By.xpath("//div[@id='quick-replies']/button[text()='" + text + "']")).click();
    }

    /** The bot's items in the transcript, drafts included, oldest first. */
    List<WebElement> botItems() {
        return driver.findElements(By.cssSelector("#transcript li.bot"));
    }

    /** The bot's replies to messages, not drafts still being written. */
    List<WebElement> replies() {
        return driver.findElements(By.cssSelector("#transcript li.bot[data-action]"));
    }

    String title() {
        return driver.getTitle();
    }

    String contact() {
        return driver.findElement(By.id("contact")).getText();
    }

    /**
     * Waits, polling every 50 ms, until {@code condition} holds (returns neither null nor false);
     * fails with what the page showed by then.
     */
    <T> T waitUntil(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).pollingEvery(Duration.ofMillis(50))
                .withMessage(() -> what + "; the transcript read '" + driver.findElement(By.id("transcript")).getText()
                        + "' and the status '" + driver.findElement(By.id("status")).getText() + "'")
                .until(condition);
    }

    /** The draft being written, once it reads exactly {@code text}. */
    ExpectedCondition<WebElement> draftReading(String text) {
        return page -> page.findElements(By.cssSelector("#transcript li.bot.draft")).stream()
                .filter(item -> item.getText().equals(text)).findFirst().orElse(null);
    }

    /** The {@code n}-th reply (from 1), once it has arrived. */
    ExpectedCondition<WebElement> reply(int n) {
        return page -> {
            List<WebElement> replies = replies();
            return replies.size() >= n ? replies.get(n - 1) : null;
        };
    }

    /** Quick replies, once there are some. */
    ExpectedCondition<Boolean> quickReplies() {
        return page -> !page.findElements(By.cssSelector("#quick-replies button")).isEmpty();
    }
}
