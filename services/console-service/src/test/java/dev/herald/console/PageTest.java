package dev.herald.console;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.HashMap;
import java.util.Map;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;

/**
 * The console's pages in one application context, every service stubbed by one loopback HTTP server: a page
 * test says what the services answer and looks at the page the console makes of it.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PageTest {

    protected static final StubServices SERVICES = StubServices.start();

    @Autowired
    protected MockMvc mvc;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : new String[]{"ingest", "moderation", "search", "notification"}) {
            registry.add("herald.console." + service + "-url", SERVICES::url);
        }
        // never reached by page tests: sign-in is simulated
        registry.add("herald.console.issuer-url", () -> "http://127.0.0.1:1");
    }

    @BeforeEach
    void freshStubs() {
        SERVICES.reset();
    }

    /** The access token spring-security-test gives every simulated sign-in. */
    protected static final String TOKEN = "access-token";

    /** A person signed in through the issuer with the given role (their access token is {@link #TOKEN}). */
    protected static RequestPostProcessor signedIn(String name, String role, String unit) {
        Map<String, Object> attributes = new HashMap<>(Map.of("sub", name));
        if (unit != null) {
            attributes.put("unit", unit);
        }
        return oauth2Login()
                .attributes(a -> a.putAll(attributes))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    protected static RequestPostProcessor moderator() {
        return signedIn("moderator", "MODERATOR", null);
    }

    /** A SUBSCRIBER account signed in: the issuer names the subscriber it acts for in the token's {@code subscriber} claim. */
    protected static RequestPostProcessor subscriber() {
        return oauth2Login().attributes(a -> a.putAll(Map.of("sub", "subscriber-1", "subscriber", "reader-1")))
                .authorities(new SimpleGrantedAuthority("ROLE_SUBSCRIBER"));
    }

    protected static RequestPostProcessor admin() {
        return signedIn("admin", "ADMIN", null);
    }

    protected static RequestPostProcessor unit() {
        return signedIn("unit-1", "UNIT", "南宁市中医医院党委");
    }

    /** The unit's responsible person, who signs off its reports before they reach the platform. */
    protected static RequestPostProcessor unitReviewer() {
        return signedIn("zhang.shuji", "UNIT_REVIEWER", "南宁市中医医院党委");
    }
}
