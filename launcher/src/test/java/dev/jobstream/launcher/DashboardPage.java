package dev.jobstream.launcher;

import static org.awaitility.Awaitility.await;

import dev.jobstream.contract.JobCodec;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import tools.jackson.databind.JsonNode;

/**
 * The live dashboard in a real headless Chromium, driven by Selenium, with the helpers the tests need.
 *
 * <p>The Debian packages' browser and driver are used as they are, so nothing is downloaded; without them, the
 * tests that open a page are skipped.
 *
 * <p>The page runs with the browser's same-origin checks off: the shared platform gives every service a free
 * port, so the dashboard's origin is not the one the gateway allows by default. The gateway's CORS rules are
 * checked on their own, over HTTP.
 */
final class DashboardPage implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path profile;

    private DashboardPage(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Opens the dashboard of the platform, filtered to one user, and waits until it is live. */
    static DashboardPage open(JobstreamPlatform platform, String userId) {
        DashboardPage page = launch(platform, "?user=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&");
        page.awaitLive();
        return page;
    }

    /**
     * Opens the dashboard of a platform in the {@code api-key} mode, enters the key where the page asks for one,
     * and waits until it is live.
     */
    static DashboardPage openWithKey(JobstreamPlatform platform, String key) {
        DashboardPage page = launch(platform, "?");
        WebElement input = await().atMost(PATIENCE).until(
                () -> page.driver.findElements(By.cssSelector("#key-form input[name='key']")),
                found -> !found.isEmpty() && found.get(0).isDisplayed()).get(0);
        input.sendKeys(key);
        page.driver.findElement(By.cssSelector("#key-form button[type='submit']")).click();
        page.awaitLive();
        return page;
    }

    private static DashboardPage launch(JobstreamPlatform platform, String query) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + ": browser tests skipped");
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1800", "--disable-web-security");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        DashboardPage page = new DashboardPage(new ChromeDriver(service, options), profile);
        page.driver.get("http://localhost:" + platform.projectorPort() + "/" + query + "gateway=http://localhost:"
                + platform.gatewayPort());
        return page;
    }

    /** Whose jobs the page says it shows, in the {@code api-key} mode. */
    String viewerText() {
        return driver.findElement(By.id("viewer-text")).getText();
    }

    /** Waits until the page is connected and has applied a snapshot or a catch-up. */
    void awaitLive() {
        await().atMost(PATIENCE).until(() -> {
            JsonNode state = state();
            return state.path("connected").asBoolean() && "live".equals(connectionState());
        });
    }

    /** The page's own account of itself: connected, epoch, seq, snapshots, resumes, jobs, counts. */
    JsonNode state() {
        return json("return JSON.stringify(window.__dashboard.state());");
    }

    /** The connection indicator's state: connecting, live or offline. */
    String connectionState() {
        return driver.findElement(By.id("connection")).getDomAttribute("data-state");
    }

    /** The message the page shows while its connection is down; empty while it is connected. */
    Optional<String> connectionLostMessage() {
        WebElement message = driver.findElement(By.id("connection-lost"));
        return message.isDisplayed() ? Optional.of(message.getText()) : Optional.empty();
    }

    /** The status a row of the recent jobs table shows for the job; empty when the table has no such row. */
    Optional<String> statusInTable(String jobId) {
        return attribute("#jobs tbody tr[data-job-id='" + jobId + "']", "data-status");
    }

    /** The replay generation a row of the recent jobs table shows for the job. */
    Optional<String> generationInTable(String jobId) {
        return attribute("#jobs tbody tr[data-job-id='" + jobId + "']", "data-generation");
    }

    /** Whether the dead-letter table lists the job. */
    boolean listsAsDead(String jobId) {
        return !driver.findElements(By.cssSelector("#dead tbody tr[data-job-id='" + jobId + "']")).isEmpty();
    }

    /** Presses the Replay button of the job's row in the dead-letter table. */
    void replayFromDeadLetters(String jobId) {
        driver.findElement(By.cssSelector("#dead tbody tr[data-job-id='" + jobId + "'] button[data-action='replay']"))
                .click();
    }

    /** Opens the job's detail from its row in the recent jobs table, and waits until its attempts are shown. */
    void openDetail(String jobId) {
        driver.findElement(By.cssSelector("#jobs tbody tr[data-job-id='" + jobId + "'] button.job-link")).click();
        await().atMost(PATIENCE).until(() -> !driver.findElements(By.cssSelector("#detail-body table")).isEmpty());
    }

    /** The rows of the open detail's attempts table, each as its cells' text. */
    List<List<String>> detailAttempts() {
        return driver.findElements(By.cssSelector("#detail-body table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /** The text of the open detail. */
    String detailText() {
        return driver.findElement(By.id("detail-body")).getText();
    }

    /** What the dead-letter view last reported of an action. */
    String deadLetterStatus() {
        return driver.findElement(By.id("dead-status")).getText();
    }

    /** The count the page shows for a status. */
    String count(String status) {
        return driver.findElement(By.id("count-" + status)).getText();
    }

    /** Drops the page's connection, and keeps it down for the given time before it reconnects. */
    void dropConnection(Duration hold) {
        driver.executeScript("window.__dashboard.dropConnection(arguments[0]);", hold.toMillis());
    }

    /** From now on the page keeps, for every job each message brings, when the message arrived. */
    void recordArrivals() {
        driver.executeScript("window.__dashboard.recordArrivals();");
    }

    /** How many different jobs the page has recorded in the status. */
    long recordedJobsIn(String status) {
        return (Long) driver.executeScript("return new Set(window.__dashboard.arrivals()"
                + ".filter(arrival => arrival.status === arguments[0]).map(arrival => arrival.id)).size;", status);
    }

    /** What the page recorded: id, status, updated_at, finished_at, arrived_at (epoch millis) and kind. */
    List<JsonNode> arrivals() {
        List<JsonNode> arrivals = new ArrayList<>();
        json("return JSON.stringify(window.__dashboard.arrivals());").forEach(arrivals::add);
        return arrivals;
    }

    /** Saves what the browser shows as a PNG. */
    void screenshot(Path target) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover browser profile in the temporary directory is harmless.
        }
    }

    private Optional<String> attribute(String selector, String attribute) {
        return driver.findElements(By.cssSelector(selector)).stream().findFirst()
                .map(element -> element.getDomAttribute(attribute));
    }

    private JsonNode json(String script) {
        return JobCodec.mapper().readTree((String) ((JavascriptExecutor) driver).executeScript(script));
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("jobstream-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
