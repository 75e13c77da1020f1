package dev.weft.web.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.weft.engine.Model;
import dev.weft.web.AppServers;

/**
 * The demo site's account flow in a real browser: Debian's chromium driven by Selenium through Debian's
 * chromedriver (named explicitly, so Selenium Manager downloads nothing), headless, with a fresh profile.
 * Each test saves a screenshot of where it ended under {@code target/screenshots/}.
 */
class DemoSiteBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;

    @TempDir
    static Path profile;

    private static AppServers servers;
    private static ChromeDriverService service;
    private static WebDriver browser;
    private static String base;
    private static int accounts;

    private String username;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "needs Debian's chromium and chromium-driver (./run-tests installs them)");
        servers = new AppServers(DemoSite.class, data);
        base = "http://127.0.0.1:" + servers.port(new Model.Virtual());
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        "--window-size=1100,900", "--user-data-dir=" + profile.toAbsolutePath());
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (servers == null) {
            return;
        }
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            servers.close();
        }
    }

    @BeforeEach
    void freshVisitor() {
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        username = "user" + (++accounts);
    }

    @AfterEach
    void screenshot(TestInfo test) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve("DemoSiteBrowserTest-" + test.getTestMethod().orElseThrow().getName()
                + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void registeringWithAnAvatarShowsItOnTheProfile() throws Exception {
        register(username, "correct horse", true);
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/profile");
        assertThat(text(".flash")).isEqualTo("Welcome, " + username + "! Your account is ready.");
        WebElement avatar = browser.findElement(By.cssSelector("img.avatar"));
        Object width = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth", avatar);
        assertThat(width).isEqualTo(64L);
        assertThat(text("header .who")).isEqualTo(username);
    }

    @Test
    void afterLogoutTheBackButtonDoesNotShowTheProfile() throws Exception {
        register(username, "correct horse", false);
        assertThat(text(".greeting")).startsWith(username + ", welcome back!");
        browser.findElement(By.cssSelector("form.logout button")).click();
        waitFor(base + "/login?out");
        assertThat(text(".result")).isEqualTo("You have logged out.");
        browser.navigate().back();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.getPageSource()).doesNotContain("welcome back!");
        browser.get(base + "/profile");
        assertThat(browser.getCurrentUrl()).isEqualTo(base + "/login");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneLogsIn() throws Exception {
        register(username, "correct horse", false);
        browser.findElement(By.cssSelector("form.logout button")).click();
        waitFor(base + "/login?out");
        logIn(username, "wrong horse");
        assertThat(text(".error")).isEqualTo("Wrong username or password.");
        logIn(username, "correct horse");
        waitFor(base + "/profile");
        assertThat(text(".flash")).isEqualTo("Welcome back, " + username + "!");
        browser.get(base + "/");
        assertThat(text("p.who")).isEqualTo("You are logged in as " + username + ".");
    }

    @Test
    void theProfileFormSavesAgeAndGender() throws Exception {
        register(username, "correct horse", false);
        WebElement age = browser.findElement(By.name("age"));
        age.clear();
        age.sendKeys("28");
        WebElement gender = browser.findElement(By.name("gender"));
        gender.clear();
        gender.sendKeys("female <b>");
        gender.submit();
        waitFor(base + "/profile");
        assertThat(text(".flash")).isEqualTo("Profile saved.");
        assertThat(text(".greeting")).isEqualTo(username + ", welcome back! You are 28 years old, and your gender is female <b>.");
    }

    private void register(String name, String password, boolean withAvatar) throws Exception {
        browser.get(base + "/register");
        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.name("email")).sendKeys(name + "@example.com");
        browser.findElement(By.name("password")).sendKeys(password);
        if (withAvatar) {
            browser.findElement(By.name("avatar")).sendKeys(Images.pngFile(data).toAbsolutePath().toString());
        }
        browser.findElement(By.cssSelector("main form button")).click();
        waitFor(base + "/profile");
    }

    private void logIn(String name, String password) {
        browser.get(base + "/login");
        browser.findElement(By.name("username")).sendKeys(name);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main h1")));
    }

    private void waitFor(String url) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(url));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }
}
