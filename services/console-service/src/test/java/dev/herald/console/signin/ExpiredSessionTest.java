package dev.herald.console.signin;

import dev.herald.console.PageTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session that expired meets a request the page made by itself: htmx gets a 401 telling it to load the page the
 * person is on (which then goes to sign in and back), never the sign-in page swapped into a fragment.
 */
class ExpiredSessionTest extends PageTest {

    @Test
    void anHtmxRefreshWithoutASessionIsToldToLoadItsPageWhichSignsIn() throws Exception {
        mvc.perform(get("/moderation/rows").header("HX-Request", "true")
                        .header("HX-Current-URL", "http://127.0.0.1:8080/moderation?status=PENDING&sort=RISK"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/moderation?status=PENDING&sort=RISK"))
                .andExpect(header().doesNotExist("Location"));
    }

    @Test
    void theSamePageAskedForByThePersonStillGoesStraightToSignIn() throws Exception {
        mvc.perform(get("/moderation")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/herald"));
    }

    @Test
    void theLiveInboxWithoutASessionEndsWithA401ThatEventSourceDoesNotRetry() throws Exception {
        mvc.perform(get("/subscriber/inbox/stream").header("Accept", "text/event-stream"))
                .andExpect(status().isUnauthorized()).andExpect(header().doesNotExist("Location"))
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    @Test
    void aTokenThatNeedsTheIssuerAgainSendsAnHtmxRequestsPageNotTheFragmentThere() throws Exception {
        HtmxSignIn redirects = new HtmxSignIn();
        MockHttpServletRequest fragment = new MockHttpServletRequest("GET", "/subscriber/inbox/rows");
        fragment.addHeader("HX-Request", "true");
        fragment.addHeader("HX-Current-URL", "http://127.0.0.1:8080/subscriber/inbox");
        MockHttpServletResponse answered = new MockHttpServletResponse();

        redirects.sendRedirect(fragment, answered, "http://127.0.0.1:9000/oauth2/authorize?client_id=herald-console");

        assertThat(answered.getStatus()).isEqualTo(401);
        assertThat(answered.getHeader("HX-Redirect")).isEqualTo("/subscriber/inbox");
        assertThat(answered.getRedirectedUrl()).isNull();

        MockHttpServletResponse page = new MockHttpServletResponse();
        redirects.sendRedirect(new MockHttpServletRequest("GET", "/subscriber/inbox"), page, "http://127.0.0.1:9000/oauth2/authorize");
        assertThat(page.getRedirectedUrl()).isEqualTo("http://127.0.0.1:9000/oauth2/authorize");
    }

    @Test
    void onlyAPathOfThisConsoleIsEverTheRedirect() {
        assertThat(HtmxSignIn.pageOf("https://elsewhere.example//evil.example/x")).isEqualTo("/");
        assertThat(HtmxSignIn.pageOf("not a url")).isEqualTo("/");
        assertThat(HtmxSignIn.pageOf(null)).isEqualTo("/");
        assertThat(HtmxSignIn.pageOf("http://127.0.0.1:8080/search?q=%E7%96%AB")).isEqualTo("/search?q=%E7%96%AB");
    }
}
