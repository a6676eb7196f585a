package dev.herald.search.query;

import dev.herald.support.security.AccessRules;
import dev.herald.support.web.RateLimitProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Published articles are public: readers search and read them without a token. */
@Configuration(proxyBeanMethods = false)
class SearchAccess {

    @Bean
    AccessRules publicReading() {
        return rules -> rules
                .requestMatchers(HttpMethod.GET, "/api/search", "/api/search/suggest", "/api/articles/*",
                        "/api/articles/*/related").permitAll();
    }

    /** Search is limited for every caller, signed in or not: a token is no licence to scrape. */
    @Bean
    RateLimitProperties.Endpoint searchLimit() {
        return new RateLimitProperties.Endpoint("GET", "/api/search", RateLimitProperties.SEARCH);
    }
}
