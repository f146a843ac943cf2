package cn.minqing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian chromium through chromium-driver (installed by scripts/ensure-browser.sh); never a
 * downloaded browser. Screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final Path downloads;

    public Browser(String baseUrl, int width, int height) {
        this.baseUrl = baseUrl;
        try {
            Path profile = Files.createTempDirectory("minqing-chromium");
            this.screenshots = Files.createDirectories(Path.of("target/screenshots"));
            this.downloads = Files.createTempDirectory(Files.createDirectories(Path.of("target/downloads")).toAbsolutePath(), "browser");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-quic", "--disable-dev-shm-usage", "--lang=zh-CN", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh",
                    "download.default_directory", downloads.toString(), "download.prompt_for_download", false,
                    "plugins.always_open_pdf_externally", true));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(3));
            driver.executeCdpCommand("Browser.setDownloadBehavior",
                    java.util.Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Presents itself with another browser's user agent from now on (e.g. WeChat's built-in browser). */
    public Browser userAgent(String userAgent) {
        driver.executeCdpCommand("Network.setUserAgentOverride", java.util.Map.of("userAgent", userAgent));
        return this;
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public Browser login(String username, String password) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Cuts the connection or brings it back, as Chrome DevTools' network conditions do (navigator.onLine follows). */
    public Browser online(boolean online) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", java.util.Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
        return this;
    }

    /** Drops the session cookie, as a person handing the PC to a colleague who signs in anew. */
    public Browser forgetSession() {
        if (driver.getCurrentUrl().startsWith(baseUrl)) {
            driver.manage().deleteAllCookies();
        }
        return this;
    }


    /**
     * Clicks something that loads a new page, and waits until it has. The element is first brought to the middle of
     * the screen, as a person scrolls to it: at the bottom edge the villager's fixed tab bar would take the click.
     */
    public Browser press(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        WebElement target = find(css);
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        target.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
        return this;
    }

    /** The old page's root is gone; chromedriver says so with a stale-element or an "unknown node" error. */
    private static boolean isGone(WebElement oldRoot) {
        try {
            oldRoot.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Clicks a link that the browser saves as a file, and returns the file once it is complete. */
    public Path download(String css) {
        try (var before = Files.list(downloads)) {
            java.util.Set<Path> had = before.collect(java.util.stream.Collectors.toSet());
            find(css).click();
            return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
                try (var now = Files.list(downloads)) {
                    return now.filter(f -> !had.contains(f) && !f.toString().endsWith(".crdownload")
                            && !f.getFileName().toString().startsWith(".")).findFirst().orElse(null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks an option of a select by its value. */
    public Browser choose(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
        return this;
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Clicks at a point given in pixels from the element's top-left corner (a chart's bar, a map's dot). */
    public Browser clickAt(String css, int x, int y) {
        WebElement element = find(css);
        WebElement page = driver.findElement(By.tagName("html"));
        org.openqa.selenium.Rectangle r = element.getRect();
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(element, x - r.getWidth() / 2, y - r.getHeight() / 2).click().perform();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public Browser screenshot(String name) {
        try {
            Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
