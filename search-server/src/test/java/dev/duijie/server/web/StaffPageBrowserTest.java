package dev.duijie.server.web;

import dev.duijie.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the staff page at {@code /} in Debian's headless Chromium against the real server over the bundled corpus.
 * Skipped when /usr/bin/chromium or /usr/bin/chromedriver is missing; nothing is ever downloaded.
 */
class StaffPageBrowserTest {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    private static final String NEED = "我们厂的硬质合金刀片加工45钢时用不了多久就崩刃，想找耐用的涂层刀片";
    private static final String INDUSTRY = "先进硬质材料";
    /**
     * Screenshots go to target/screenshots, so a test run never changes the work tree; the committed ones in docs/
     * are refreshed with {@code -Dduijie.screenshots=../docs} (the tests run in search-server/).
     */
    private static final Path DOCS = Path.of(System.getProperty("duijie.screenshots", "target/screenshots"));

    private static TestServer server;
    private static ChromeDriverService service;
    private static ChromeDriver driver;
    private static Path profile;

    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "chromium not installed (/usr/bin/chromium and /usr/bin/chromedriver are needed): browser tests skipped");
        server = TestServer.start();
        profile = Files.createTempDirectory("duijie-chromium-profile");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "--lang=zh-CN");
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void openPage() {
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(server.baseUrl() + "/");
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("need-input")));
    }

    @Test
    void ctrlEnterMatchesAndShowsPercentReasonsAndExperts() throws IOException {
        List<WebElement> cards = match(NEED);
        assertTrue(cards.size() >= 3, "expected at least 3 result cards, got " + cards.size());
        WebElement first = cards.get(0);
        assertFalse(first.getAttribute("data-id").isBlank(), "cards carry data-id");
        int percent = percent(first);
        assertTrue(percent >= 0 && percent <= 100, "匹配度 0–100, got " + percent);
        String reasons = first.findElement(testId("reasons")).getText();
        assertFalse(reasons.isBlank(), "first card has 匹配理由");
        assertTrue(reasons.contains("关键词匹配") || reasons.contains("同义词"), "匹配理由 names terms: " + reasons);
        String snippetMarks = first.findElement(testId("snippet")).findElements(By.tagName("mark")).stream()
                .map(WebElement::getText).reduce("", String::concat);
        assertFalse(snippetMarks.isBlank(), "the snippet highlights matched terms");

        WebElement experts = driver.findElement(testId("experts"));
        List<WebElement> expertCards = experts.findElements(testId("expert-card"));
        assertTrue(expertCards.size() >= 1, "the experts panel lists at least one expert");
        int expertPercent = percent(expertCards.get(0));
        assertTrue(expertPercent > 0 && expertPercent <= 100, "expert 匹配度 " + expertPercent);

        // results and experts side by side at 1280 px
        assertTrue(experts.getRect().getX() > driver.findElement(testId("results")).getRect().getX() + 300,
                "experts panel is to the right of the results at 1280 px");
        assertNoHorizontalScroll();
        screenshot(DOCS.resolve("staff-page.png"), 1280);
    }

    @Test
    void industryFilterRerunsTheMatch() {
        List<WebElement> before = match(NEED);
        List<String> beforeIndustries = industries(before);
        assertTrue(beforeIndustries.stream().anyMatch(i -> !i.equals(INDUSTRY)),
                "without the filter the results span industries: " + beforeIndustries);

        new Select(driver.findElement(testId("filter-industry"))).selectByVisibleText(INDUSTRY);
        List<String> after = wait.until(d -> {
            if (!driver.findElements(By.cssSelector("#columns[aria-busy]")).isEmpty()
                    || driver.findElement(testId("status")).isDisplayed()) {
                return null;
            }
            List<String> found = industries(d.findElements(testId("result-card")));
            return !found.isEmpty() && found.stream().allMatch(INDUSTRY::equals) ? found : null;
        });
        assertTrue(after.size() >= 3, "filtered results " + after);
    }

    @Test
    void cardOpensDetailWhichClosesWithButtonAndEsc() {
        WebElement card = match(NEED).get(1);
        String id = card.getAttribute("data-id");
        String title = card.findElement(testId("result-title")).getText();
        card.findElement(testId("result-title")).click();

        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("detail")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("detail-title"), title));
        assertEquals(title, detail.findElement(testId("detail-title")).getText());
        String summary = detail.findElement(testId("detail-summary")).getText();
        assertTrue(summary.length() > 20, "the detail shows the summary: " + summary);
        assertTrue(detail.getText().contains(id), "the detail shows the record id " + id);
        driver.findElement(testId("detail-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(testId("detail")));

        // the 详情 button and Esc
        driver.findElements(testId("result-card")).get(0).findElement(testId("detail-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("detail-summary")));
        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(testId("detail")));

        // an expert's evidence title opens that result
        WebElement evidence = driver.findElement(testId("experts")).findElement(testId("evidence-title"));
        String evidenceTitle = evidence.getText();
        evidence.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("detail-title"), evidenceTitle));
        driver.findElement(testId("detail-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(testId("detail")));
    }

    @Test
    void emptyNeedIsRefusedByThePage() {
        driver.findElement(testId("need-input")).sendKeys("   ");
        driver.findElement(testId("match-button")).click();
        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("status")));
        assertTrue(status.getText().contains("请先输入需求描述"), status.getText());
        assertTrue(driver.findElements(testId("result-card")).isEmpty(), "no results for an empty need");
    }

    @Test
    void suggestionsLeadToSearchResultsWithTotalAndFacets() {
        WebElement input = driver.findElement(testId("search-input"));
        input.sendKeys("碳化");
        WebElement box = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("suggestions")));
        List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
        assertFalse(options.isEmpty(), "suggestions for 碳化");
        String chosen = options.get(0).findElement(By.className("suggestion-text")).getText();
        assertTrue(chosen.startsWith("碳化"), "suggestions complete the prefix: " + chosen);
        input.sendKeys(Keys.ARROW_DOWN);
        input.sendKeys(Keys.ENTER);

        WebElement total = wait.until(ExpectedConditions.visibilityOfElementLocated(testId("search-total")));
        assertEquals(chosen, input.getAttribute("value"));
        int count = number(total.getText());
        assertTrue(count > 0, "search total: " + total.getText());
        List<WebElement> cards = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(testId("result-card"), 0));
        assertTrue(cards.size() <= 10 && cards.size() <= count, "one page of hits");

        // a facet chip applies its filter
        WebElement chip = driver.findElement(By.cssSelector("[data-testid=facet-chip][data-facet=industry]"));
        String industry = chip.getAttribute("data-value");
        int facetCount = number(chip.findElement(By.className("chip-count")).getText());
        chip.click();
        wait.until(d -> number(d.findElement(testId("search-total")).getText()) == facetCount);
        assertEquals(industry, new Select(driver.findElement(testId("filter-industry"))).getFirstSelectedOption().getAttribute("value"));
        assertTrue(industries(driver.findElements(testId("result-card"))).stream().allMatch(industry::equals));
    }

    @Test
    void phoneWidthHasNoHorizontalScrollAndStillMatches() throws IOException {
        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= 400);
        assertNoHorizontalScroll();
        assertFalse(driver.findElement(testId("filter-industry")).isDisplayed(), "filters start collapsed on a phone");
        driver.findElement(By.id("filters-toggle")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("filter-industry")));
        driver.findElement(By.id("filters-toggle")).click();

        List<WebElement> cards = match(NEED);
        assertTrue(cards.size() >= 3, "results on a phone");
        assertFalse(driver.findElements(testId("expert-card")).isEmpty(), "experts on a phone");
        assertNoHorizontalScroll();
        WebElement results = driver.findElement(testId("results"));
        WebElement experts = driver.findElement(testId("experts"));
        assertTrue(experts.getRect().getY() > results.getRect().getY(), "single column: experts below results");
        screenshot(DOCS.resolve("staff-page-mobile.png"), 390);
    }

    // ---- helpers ----

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Types {@code text} as the need, submits with Ctrl+Enter and waits for the cards. */
    private List<WebElement> match(String text) {
        WebElement input = driver.findElement(testId("need-input"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        return wait.until(d -> {
            List<WebElement> cards = d.findElements(testId("result-card"));
            return !cards.isEmpty() && !d.findElement(testId("status")).isDisplayed() ? cards : null;
        });
    }

    private static List<String> industries(List<WebElement> cards) {
        return cards.stream().map(c -> c.findElement(testId("industry")).getText()).toList();
    }

    private static int percent(WebElement card) {
        String text = card.findElement(testId("match-percent")).getText();
        Matcher m = Pattern.compile("^(\\d{1,3})%$").matcher(text.trim());
        assertTrue(m.matches(), "匹配度 is a percentage: " + text);
        return Integer.parseInt(m.group(1));
    }

    private static int number(String text) {
        Matcher m = Pattern.compile("(\\d+)").matcher(text);
        assertTrue(m.find(), "a number in " + text);
        return Integer.parseInt(m.group(1));
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void assertNoHorizontalScroll() {
        long scroll = ((Number) js("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) js("return window.innerWidth")).longValue();
        assertTrue(scroll <= inner + 1, "horizontal scroll: scrollWidth " + scroll + " > innerWidth " + inner);
    }

    /** A PNG of the page from the top, {@code width} CSS pixels wide and at most 2400 tall. */
    private static void screenshot(Path file, int width) throws IOException {
        js("window.scrollTo(0, 0)");
        long height = Math.min(2400, ((Number) js("return document.documentElement.scrollHeight")).longValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        assertTrue(Files.size(file) > 10_000, "screenshot written: " + file);
    }
}
