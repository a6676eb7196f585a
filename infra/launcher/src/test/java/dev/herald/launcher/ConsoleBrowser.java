package dev.herald.launcher;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A real Chromium (Debian's {@code chromium}, through {@code chromium-driver}) on the console, headless.
 * The two are installed by {@code infra/tools/ensure-chromium} when missing and this runs as root; otherwise
 * the test fails saying what to install. Selenium Manager is never asked to download anything: both paths are
 * given, and it is kept offline.
 */
final class ConsoleBrowser implements AutoCloseable {

    private final WebDriver driver;
    private final ChromeDriverService service;
    private final String console;
    private final Path screenshots;
    private int shot;

    private ConsoleBrowser(WebDriver driver, ChromeDriverService service, String console, Path screenshots) {
        this.driver = driver;
        this.service = service;
        this.console = console;
        this.screenshots = screenshots;
    }

    static ConsoleBrowser open(Path root, String console, Path screenshots) throws IOException, InterruptedException {
        Map<String, String> paths = ensureChromium(root);
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(paths.get("CHROMIUM"));
        // root in a container has no user namespace to sandbox with
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--lang=zh-CN", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(paths.get("CHROMEDRIVER"))).usingAnyFreePort().build();
        Files.createDirectories(screenshots);
        return new ConsoleBrowser(new ChromeDriver(service, options), service, console, screenshots);
    }

    /** Runs the repository's installer script and reads the two paths it prints. */
    private static Map<String, String> ensureChromium(Path root) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(root.resolve("infra/tools/ensure-chromium").toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the browser test needs chromium and chromium-driver:\n" + output);
        }
        Map<String, String> paths = new HashMap<>();
        output.lines().filter(l -> l.startsWith("CHROMIUM=") || l.startsWith("CHROMEDRIVER="))
                .forEach(l -> paths.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return paths;
    }

    void go(String path) {
        driver.get(console + path);
    }

    /** Signs in on the issuer's page, where the console has just sent the browser, and waits to be back on {@code landing}. */
    void signIn(String account, String password, String landing) {
        await(() -> !driver.getCurrentUrl().startsWith(console) && !driver.findElements(By.id("username")).isEmpty() ? "" : null,
                "the issuer's sign-in page");
        driver.findElement(By.id("username")).sendKeys(account);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        // the page asked for, as Spring Security brings one back from a sign-in (with "?continue")
        await(() -> driver.getCurrentUrl().replace("?continue", "").equals(console + landing) ? "" : null,
                "back on " + landing + " after signing in");
    }

    /** Waits, without reloading, for the page a click leads to to show the text. */
    void waitFor(String text) {
        await(() -> driver.getPageSource().contains(text) ? "" : null, "a page showing " + text);
    }

    void signOut() {
        driver.findElement(By.cssSelector("form[action='/logout'] button")).click();
        await(() -> driver.getCurrentUrl().startsWith(console) && !driver.findElements(By.linkText("登录")).isEmpty() ? "" : null,
                "signed out, back on the console");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    void clickLink(String text) {
        driver.findElement(By.linkText(text)).click();
    }

    void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Puts text into a field at once, as a paste does: typing a whole page key by key would take the browser minutes. */
    void paste(String id, String text) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                driver.findElement(By.id(id)), text);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String page() {
        return driver.getPageSource();
    }

    /** Reloads the page until it shows the text (work reaches the other services through Kafka), at most 60 s. */
    void reloadUntil(String text) {
        await(() -> {
            if (driver.getPageSource().contains(text)) return "";
            driver.navigate().refresh();
            return null;
        }, "a page showing " + text);
    }

    Path screenshot(String name) throws IOException {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private void await(Supplier<String> condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get() != null) return;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not reached within 60 s: " + what + "; at " + driver.getCurrentUrl());
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }
}
