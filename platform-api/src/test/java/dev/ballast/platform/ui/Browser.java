package dev.ballast.platform.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A real headless Chromium driven by Selenium, for the web UI's browser tests. It uses the
 * system's Chromium and ChromeDriver (Debian {@code chromium} and {@code chromium-driver}, which
 * {@code .ci/run} installs; override with {@code BALLAST_TEST_CHROMIUM} and
 * {@code BALLAST_TEST_CHROMEDRIVER}), so nothing is downloaded. Failing tests get a screenshot
 * under {@code target/browser-failures/} through {@link ScreenshotOnFailure}.
 */
public final class Browser implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Starts Chromium at 1280 × 900 for pages under {@code baseUrl} (e.g. {@code http://127.0.0.1:1234}). */
    public static Browser open(String baseUrl) {
        String chromium = setting("BALLAST_TEST_CHROMIUM", "/usr/bin/chromium");
        String chromedriver = setting("BALLAST_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(chromedriver).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver (" + chromium + ", " + chromedriver
                    + "): apt-get install -y chromium chromium-driver (.ci/run does this).");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, baseUrl);
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads a page of Ballast by its path, e.g. {@code /ui/experiments}. */
    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the sign-in form and waits for the page behind it. */
    public Browser signIn(String username, String password) {
        go("/ui/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        waitFor(By.cssSelector("[data-testid=signed-in-user]"));
        return this;
    }

    /** Signs out with the button in the header. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form[action='/ui/logout'] button")).click();
        waitFor(By.id("username"));
        return this;
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits until an element is visible and answers it. */
    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's text contains {@code text}. */
    public void waitForText(By by, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** Waits until a chart element has been drawn by uPlot and answers how many values it plotted. */
    public int waitForChart(By chart) {
        WebElement element = new WebDriverWait(driver, WAIT).until(d -> {
            WebElement e = d.findElement(chart);
            return "true".equals(e.getAttribute("data-drawn")) ? e : null;
        });
        return Integer.parseInt(element.getAttribute("data-points"));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** True when the page is wider than the window (a horizontal page scroll). */
    public boolean scrollsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG of the current page to {@code file}, creating its directory. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("could not save a screenshot to " + file, e);
        }
    }

    /**
     * Saves the page as {@code <name>.png} in the directory named by {@code BALLAST_SCREENSHOTS}
     * (set by {@code bench/screenshots.sh} to regenerate {@code docs/screenshots/}); does nothing
     * when it is unset, as in the normal test run.
     */
    public void document(String name) {
        String directory = System.getenv("BALLAST_SCREENSHOTS");
        if (directory != null && !directory.isBlank()) {
            screenshot(Path.of(directory, name + ".png"));
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
