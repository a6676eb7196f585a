package dev.herald.moderation.screening;

import dev.herald.moderation.screening.evaluation.ScreeningEvaluation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real news that screening's model never trained on (screening/real-held-out.txt: 496 pages of every field, as the
 * import reads them, leftovers of their pages included) is screened as units' reports would be. Before the model
 * learnt from real news and broken prose alone stopped making a report likely spam, 21 of these 99 were LIKELY_SPAM
 * and 54 CLEAN, nearly all of them for "reading as broken Chinese" and for pieces of words (联网, 的城) taken for
 * planted brands.
 */
class RealPagesScreeningTest {

    @Test
    void realNewsIsAlmostNeverLikelySpamAndMostlyClean() throws Exception {
        Screener screener = new Screener(ScreeningEvaluation.rules(), Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC));
        Map<Verdict, List<String>> byVerdict = new EnumMap<>(Verdict.class);
        StringBuilder report = new StringBuilder("| page | verdict | score | findings |\n| --- | --- | --- | --- |\n");
        for (CleanReports.Report page : CleanReports.parse(read("/screening/real-held-out.txt"))) {
            ScreeningResult result = screener.screen(new ScreeningInput(page.title(), null, null, page.body(), null), NearDuplicates.NONE);
            byVerdict.computeIfAbsent(result.verdict(), v -> new ArrayList<>()).add(page.title());
            if (result.verdict() != Verdict.CLEAN) {
                report.append("| ").append(page.title()).append(" | ").append(result.verdict()).append(" | ").append(result.score()).append(" | ")
                        .append(result.findings().stream().map(f -> f.kind() + " " + f.severity()).distinct().toList()).append(" |\n");
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/real-pages-screening.md"), byVerdict.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size()).toList() + "\n\n" + report);
        int pages = byVerdict.values().stream().mapToInt(List::size).sum();

        assertThat(pages).isEqualTo(496);
        // the three: a 雅虎香港 column whose imported text runs on into the page's ads and a list of stock tips, each a link,
        // a 加拿大家园网 page whose text runs on into the site's own name, fifteen times, beside its address, and (since
        // round twenty-three) a 中國時報 recipe story in Taiwan's words (蘿蔓, 優格, 鹽巴, 廿二件, 一八○件) that the character
        // model, which learnt from mainland news, reads as broken Chinese in 7 of its 10 sentences, with ＤＩＹ and 年菜食譜
        // recurring beside the health bureau's download link
        // (the recipe story no longer since round twenty-six, its health bureau's .gov.tw link now an official site's)
        assertThat(byVerdict.getOrDefault(Verdict.LIKELY_SPAM, List.of())).as(report.toString()).hasSizeLessThanOrEqualTo(2);
        // 78 of 99 as of 2026-12-05; the 133 DAnIEL pages of 2026-12-06, never seen before, 100 CLEAN and 2 LIKELY_SPAM
        // (one of them an article on a web service, 登录, 查询 and 改版 recurring by its links, until a two-character
        // word needed a brand's ending: 178 of 232 now); most of the rest name a company, a lottery or a link. Round
        // twenty-three's 43 pages (2026-12-06), screened before any rule changed: 36 CLEAN, 6 NEEDS_ATTENTION, 1 LIKELY_SPAM;
        // rounds twenty-four and twenty-five's 86 the same session: 73, 12 and 1, a 蕃薯藤 page naming Taiwan's 健保局 eight
        // times beside its site, until a public body's name was no brand (NEEDS_ATTENTION now): 287, 71 and 3 of 361.
        // Round twenty-six's 135 (2026-12-07), screened before any rule changed: 112, 22 and 1, a NOWnews list of hospitals'
        // holiday hours, each beside its .gov.tw site, where 網站查 and 各大醫 recurred "advertised beside a contact". Sites
        // under Taiwan's, Hong Kong's and Macau's government, school and registered-body domains are official now, and
        // words beside an official site are not advertised there: 412, 82 and 2 of 496
        assertThat(byVerdict.getOrDefault(Verdict.CLEAN, List.of())).as(report.toString()).hasSizeGreaterThanOrEqualTo(408);
    }

    private static String read(String resource) throws java.io.IOException {
        try (var in = RealPagesScreeningTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
