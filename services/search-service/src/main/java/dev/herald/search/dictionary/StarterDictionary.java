package dev.herald.search.dictionary;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What the dictionary holds before any administrator has touched it: terms the reports of the corpus use. */
final class StarterDictionary {

    private StarterDictionary() {
    }

    static DictionaryDocument document(Instant at) {
        return new DictionaryDocument(DictionaryDocument.CURRENT, null,
                Set.of("将军山医院", "主题党日", "不忘初心", "牢记使命"),
                List.of(List.of("新冠肺炎", "新型冠状病毒肺炎", "新冠疫情"),
                        List.of("党支部", "支部"),
                        List.of("卫健委", "卫生健康委", "卫生健康委员会")),
                "starter", at);
    }
}
