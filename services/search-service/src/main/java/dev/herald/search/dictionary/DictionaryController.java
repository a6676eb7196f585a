package dev.herald.search.dictionary;

import dev.herald.support.security.AccessRules;
import dev.herald.support.security.Caller;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Administrators edit the user dictionary; moderators may read it. */
@RestController
@RequestMapping("/api/search/dictionary")
class DictionaryController {

    /** @param revision what an edit must name to replace this version; null for the starter set, never saved */
    record View(Long revision, Set<String> phrases, List<List<String>> synonyms, String updatedBy, Instant updatedAt) {
        static View of(DictionaryDocument doc) {
            return new View(doc.revision(), doc.phrases(), doc.synonyms(), doc.updatedBy(), doc.updatedAt());
        }
    }

    /** @param revision the revision this edit started from; a newer one stored means a 409 */
    record Replacement(@NotNull Set<String> phrases, @NotNull List<List<String>> synonyms, Long revision) {
    }

    private final DictionaryService dictionary;

    DictionaryController(DictionaryService dictionary) {
        this.dictionary = dictionary;
    }

    @GetMapping
    View get() {
        return View.of(dictionary.document());
    }

    @PutMapping
    View replace(@jakarta.validation.Valid @RequestBody Replacement replacement) {
        return View.of(dictionary.replace(replacement.phrases(), replacement.synonyms(), replacement.revision(),
                Caller.current().name()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        AccessRules dictionaryRules() {
            return rules -> rules
                    .requestMatchers(HttpMethod.GET, "/api/search/dictionary").hasAnyRole("MODERATOR", "ADMIN")
                    .requestMatchers(HttpMethod.PUT, "/api/search/dictionary").hasRole("ADMIN");
        }
    }
}
