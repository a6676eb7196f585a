package dev.herald.moderation.screening;

import dev.herald.infra.embedded.UsesEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Every instance of the service screens with the lexicon administrators last saved, wherever they saved it. */
@SpringBootTest
@UsesEmbeddedInfrastructure
class LexiconRefreshTest {

    @Autowired
    LexiconService lexicon;

    @Autowired
    LexiconRepository store;

    @Autowired
    Screener screener;

    @Test
    void aChangeSavedByAnotherInstanceIsPickedUpOnTheNextRefresh() {
        lexicon.addTerm("某甲娱乐城", "admin-here");
        LexiconDocument saved = store.findById(LexiconDocument.CURRENT).orElseThrow();
        Set<String> terms = new TreeSet<>(saved.terms());
        terms.add("某乙娱乐城");
        // what another instance's edit leaves in the shared collection
        store.save(new LexiconDocument(saved.id(), saved.revision(), terms, saved.allowed(), "admin-elsewhere",
                Instant.now(), saved.changes()));
        assertThat(screener.lexicon().terms()).doesNotContain("某乙娱乐城");

        lexicon.refresh();

        assertThat(screener.lexicon().terms()).contains("某甲娱乐城", "某乙娱乐城");
        assertThat(screener.screen("标题", "欢迎光临某乙娱乐城").findings()).extracting(Finding::kind).contains(Finding.Kind.PROMOTION);
        lexicon.removeTerm("某甲娱乐城", "admin-here");
        lexicon.removeTerm("某乙娱乐城", "admin-here");
    }

    @Test
    void everyChangeIsRecordedWithWhoAndWhenNewestFirst() {
        lexicon.addAllowed("体育彩票中心", "zhang.admin");
        lexicon.removeAllowed("体育彩票中心", "li.admin");

        List<LexiconDocument.Change> changes = lexicon.changes();

        assertThat(changes.get(0)).satisfies(c -> {
            assertThat(c.by()).isEqualTo("li.admin");
            assertThat(c.action()).isEqualTo("allowed-removed");
            assertThat(c.entry()).isEqualTo("体育彩票中心");
            assertThat(c.at()).isNotNull();
        });
        assertThat(changes.get(1).by()).isEqualTo("zhang.admin");
        assertThat(changes.get(1).action()).isEqualTo("allowed-added");
    }
}
