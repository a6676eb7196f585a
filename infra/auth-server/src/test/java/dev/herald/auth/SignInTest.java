package dev.herald.auth;

import dev.herald.auth.account.Account;
import dev.herald.auth.account.Accounts;
import dev.herald.auth.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People sign in to the console through the issuer: authorization code with PKCE, the sign-in page in
 * between, each account signing in with its id and its password (or its secret when it has none).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

    static final String CONSOLE = "http://127.0.0.1:18080";
    static Path accountsFile;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void accountsFile() throws Exception {
        accountsFile = Files.createTempDirectory("auth-signin").resolve("accounts.json");
        Accounts accounts = new Accounts(accountsFile);
        accounts.createIfMissing(List.of("南宁市中医医院党委"), List.of());
        // a person who chose a password: the file may say so, and the old clients stay as they were
        List<Account> all = new java.util.ArrayList<>(accounts.all());
        all.add(new Account("zhang", "zhang-secret", Role.MODERATOR, null, "张的密码"));
        Files.writeString(accountsFile, JsonMapper.builder().build().writeValueAsString(all));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("herald.auth.accounts-file", () -> accountsFile.toString());
        registry.add("herald.auth.key-file", () -> accountsFile.resolveSibling("issuer-key.json").toString());
        registry.add("herald.auth.console-url", () -> CONSOLE);
    }

    @Test
    void aUnitSignsInWithItsSecretAndTheConsoleGetsATokenNamingItsUnit() throws Exception {
        Account unit = new Accounts(accountsFile).forRole(Role.UNIT, "南宁市中医医院党委");

        JsonNode tokens = signInAndRedeem(unit.clientId(), unit.secret());

        JsonNode access = claims(tokens.path("access_token").asString());
        assertThat(access.path("roles").get(0).asString()).isEqualTo("UNIT");
        assertThat(access.path("unit").asString()).isEqualTo("南宁市中医医院党委");
        assertThat(access.path("sub").asString()).isEqualTo(unit.clientId());
        assertThat(access.path("aud").toString()).contains("herald").doesNotContain("herald-console");
        JsonNode id = claims(tokens.path("id_token").asString());
        assertThat(id.path("aud").toString()).contains("herald-console");
        assertThat(id.path("roles").get(0).asString()).isEqualTo("UNIT");
    }

    @Test
    void aPersonWithAPasswordSignsInWithItAndNotWithTheSecret() throws Exception {
        assertThat(claims(signInAndRedeem("zhang", "张的密码").path("access_token").asString()).path("roles").get(0).asString())
                .isEqualTo("MODERATOR");
        assertThat(signIn(new Browser(), "zhang", "zhang-secret", challenge("v".repeat(50))).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
    }

    @Test
    void aWrongPasswordLandsBackOnTheSignInPageSayingSo() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> answer = signIn(browser, "moderator", "wrong", challenge("w".repeat(50)));

        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        assertThat(browser.get(answer.headers().firstValue("Location").orElseThrow()).body()).contains("账号或密码不正确");
    }

    @Test
    void theConsoleCannotAskForACodeWithoutPkceNorForAnotherRedirect() throws Exception {
        Browser browser = new Browser();
        String noPkce = base() + "/oauth2/authorize?response_type=code&client_id=herald-console&scope=openid&state=s"
                + "&redirect_uri=" + enc(CONSOLE + "/login/oauth2/code/herald");
        String elsewhere = authorizeUrl(challenge("x".repeat(50))).replace(enc("/login/oauth2/code/herald"), enc("/steal"));

        Account moderator = new Accounts(accountsFile).forRole(Role.MODERATOR, null);
        signIn(browser, moderator.clientId(), moderator.secret(), challenge("y".repeat(50)));

        assertThat(browser.get(noPkce).headers().firstValue("Location").orElse("")).contains("error=invalid_request");
        // a redirect the console did not register is never followed, even for a person signed in (RFC 8252 lets
        // a loopback redirect's port vary, not its path)
        HttpResponse<String> refused = browser.get(elsewhere);
        assertThat(refused.statusCode()).as(refused.headers().map().toString()).isEqualTo(400);
    }

    @Test
    void theSignInPageIsInChineseWithLabelledFieldsAndACsrfToken() throws Exception {
        String page = new Browser().get(base() + "/login").body();

        assertThat(page).contains("lang=\"zh-CN\"", "<label for=\"username\">账号</label>", "<label for=\"password\">密码</label>",
                "name=\"_csrf\"");
    }

    private JsonNode signInAndRedeem(String name, String password) throws Exception {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.UUID.randomUUID().toString().repeat(2).getBytes());
        Browser browser = new Browser();
        HttpResponse<String> signedIn = signIn(browser, name, password, challenge(verifier));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        // back to the authorization, which now answers with a code at the console's callback
        HttpResponse<String> authorized = browser.get(signedIn.headers().firstValue("Location").orElseThrow());
        String callback = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(CONSOLE + "/login/oauth2/code/herald?code=");
        String code = java.net.URLDecoder.decode(callback.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=herald-console&code=" + enc(code)
                        + "&redirect_uri=" + enc(CONSOLE + "/login/oauth2/code/herald") + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return json.readTree(token.body());
    }

    /** Asks to authorize the console, is sent to the sign-in page, and posts the form there. */
    private HttpResponse<String> signIn(Browser browser, String name, String password, String challenge) throws Exception {
        HttpResponse<String> toLogin = browser.get(authorizeUrl(challenge));
        assertThat(toLogin.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        String page = browser.get(base() + "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).isTrue();
        return browser.post(base() + "/login", "username=" + enc(name) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1)));
    }

    private String authorizeUrl(String challenge) {
        return base() + "/oauth2/authorize?response_type=code&client_id=herald-console&scope=openid&state=s1"
                + "&redirect_uri=" + enc(CONSOLE + "/login/oauth2/code/herald")
                + "&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode claims(String jwt) {
        return json.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** A cookie-keeping client that does not follow redirects, so each step can be looked at. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
