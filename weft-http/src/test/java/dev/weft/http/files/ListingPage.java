package dev.weft.http.files;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The folder listing as a person drives it in a browser: fields and actions, no assertions. */
final class ListingPage {

    private final ChromeDriver driver;

    ListingPage(ChromeDriver driver) {
        this.driver = driver;
    }

    ListingPage open(String url) {
        driver.get(url);
        return this;
    }

    /** The names of the rows shown now (filtered rows are not shown), top to bottom. */
    List<String> names() {
        return driver.findElements(By.cssSelector("#listing tbody tr[data-name]")).stream()
                .filter(WebElement::isDisplayed).map(row -> row.getDomAttribute("data-name")).toList();
    }

    ListingPage sortBy(String column) {
        driver.findElement(By.id("sort-" + column)).click();
        return this;
    }

    ListingPage filter(String text) {
        WebElement box = driver.findElement(By.id("filter"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        box.sendKeys(text);
        return this;
    }

    /** Picks files in the upload panel, which starts uploading them one by one. */
    ListingPage upload(List<Path> files) {
        driver.findElement(By.id("files")).sendKeys(String.join("\n", files.stream().map(Path::toString).toList()));
        return this;
    }

    /** Each upload's file name and its shown state once every one has finished ("done" or "failed"). */
    Map<String, String> uploadStates() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> !d.findElements(By.cssSelector("#uploads li")).isEmpty()
                && d.findElements(By.cssSelector("#uploads li:not([data-state])")).isEmpty());
        return driver.findElements(By.cssSelector("#uploads li")).stream().collect(java.util.stream.Collectors.toMap(
                li -> li.getDomAttribute("data-file"),
                li -> li.getDomAttribute("data-state") + ": " + li.findElements(By.tagName("span")).get(1).getText()));
    }

    /** Types a name in the new-folder box and submits it. */
    ListingPage makeFolder(String name) {
        WebElement box = driver.findElement(By.name("mkdir"));
        box.sendKeys(name + Keys.ENTER);
        return this;
    }

    ListingPage waitForNames(List<String> expected) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> names().containsAll(expected));
        return this;
    }

    /** Lets the browser save downloads into {@code dir}, then clicks the zip link. */
    ListingPage downloadZipInto(Path dir) {
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", dir.toString()));
        driver.findElement(By.id("zip")).click();
        return this;
    }

    ListingPage darkMode() {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        return this;
    }

    String backgroundColor() {
        return (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor");
    }

    String currentQuery() {
        String url = driver.getCurrentUrl();
        int q = url.indexOf('?');
        return q < 0 ? "" : url.substring(q + 1);
    }
}
