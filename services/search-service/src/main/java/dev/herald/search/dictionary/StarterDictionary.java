package dev.herald.search.dictionary;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the dictionary holds before any administrator has touched it: names from the corpus reports,
 * and the abbreviations Chinese public-sector news uses beside their full forms.
 */
final class StarterDictionary {

    private StarterDictionary() {
    }

    static DictionaryDocument document(Instant at) {
        return new DictionaryDocument(DictionaryDocument.CURRENT, null,
                Set.of("将军山医院", "主题党日", "不忘初心", "牢记使命"),
                List.of(List.of("新冠肺炎", "新型冠状病毒肺炎", "新冠疫情", "新冠病毒感染"),
                        List.of("非典", "传染性非典型肺炎", "SARS"),
                        List.of("卫健委", "卫生健康委", "卫生健康委员会"),
                        List.of("纪委", "纪律检查委员会", "纪检委"),
                        List.of("医保", "医疗保险", "医疗保障"),
                        List.of("网课", "线上教学", "网络课程", "云课堂"),
                        List.of("疾控中心", "疾病预防控制中心"),
                        List.of("社区医院", "社区卫生服务中心"),
                        List.of("人大", "人民代表大会"),
                        List.of("政协", "政治协商会议"),
                        List.of("共青团", "共产主义青年团"),
                        List.of("两会", "全国两会")),
                "starter", at);
    }
}
