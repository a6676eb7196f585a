package dev.herald.moderation.screening;

import dev.herald.support.security.AccessRules;
import dev.herald.support.security.Caller;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** The screening lexicon: moderators may read it, administrators change it. */
@RestController
@RequestMapping("/api/screening/lexicon")
class LexiconController {

    /** @param changes the latest changes, newest first: the lexicon's audit trail */
    record View(String version, Set<String> terms, Set<String> allowed, List<LexiconDocument.Change> changes) {
    }

    record Entry(@NotNull String term) {
    }

    private final LexiconService lexicon;

    LexiconController(LexiconService lexicon) {
        this.lexicon = lexicon;
    }

    @GetMapping
    View get() {
        return view(lexicon.current());
    }

    private View view(Lexicon current) {
        return new View(current.version(), current.terms(), current.allowed(), lexicon.changes());
    }

    @PostMapping("/terms")
    View addTerm(@Valid @RequestBody Entry entry) {
        return view(lexicon.addTerm(entry.term(), Caller.current().name()));
    }

    @ApiResponse(responseCode = "204", description = "The term is no longer screened for", useReturnTypeSchema = true)
    @DeleteMapping("/terms/{term}")
    ResponseEntity<Void> removeTerm(@PathVariable String term) {
        lexicon.removeTerm(term, Caller.current().name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/allowed")
    View addAllowed(@Valid @RequestBody Entry entry) {
        return view(lexicon.addAllowed(entry.term(), Caller.current().name()));
    }

    @ApiResponse(responseCode = "204", description = "The term is no longer allowed", useReturnTypeSchema = true)
    @DeleteMapping("/allowed/{term}")
    ResponseEntity<Void> removeAllowed(@PathVariable String term) {
        lexicon.removeAllowed(term, Caller.current().name());
        return ResponseEntity.noContent().build();
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        AccessRules lexiconRules() {
            return rules -> rules
                    .requestMatchers(HttpMethod.GET, "/api/screening/lexicon").hasAnyRole("MODERATOR", "ADMIN")
                    .requestMatchers(HttpMethod.POST, "/api/screening/lexicon/terms", "/api/screening/lexicon/allowed").hasRole("ADMIN")
                    .requestMatchers(HttpMethod.DELETE, "/api/screening/lexicon/terms/*", "/api/screening/lexicon/allowed/*").hasRole("ADMIN");
        }
    }
}
