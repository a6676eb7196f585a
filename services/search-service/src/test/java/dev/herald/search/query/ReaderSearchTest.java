package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.article.Article;
import dev.herald.search.dictionary.DictionaryService;
import dev.herald.support.web.InvalidRequestException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a reader gets from the search: the behaviour the search API promises, run against a real index. */
class ReaderSearchTest {

    @TempDir
    static Path dir;
    static MongoClient client;
    static ArticleIndex index;
    static DictionaryService dictionary;
    static SearchService search;

    @BeforeAll
    static void publishedArticles() throws Exception {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        MongoTemplate mongo = new MongoTemplate(client, "reader-search-" + UUID.randomUUID());
        dictionary = new DictionaryService(mongo, Clock.systemUTC());
        dictionary.refresh();
        index = ArticleIndex.open(dir.resolve("index"), ZoneId.of("Asia/Shanghai"));
        search = new SearchService(index, dictionary, IndexProperties.defaults(), new SimpleMeterRegistry());
        put("a-hu", "党建动态", "南宁市中医医院党委", "胡海莺同志先进事迹报告会召开",
                "医院党委召开胡海莺同志先进事迹报告会,号召全院党员向她学习。", "2020-04-02T02:00:00Z");
        put("a-jjs", "工作动态", "贵州省人民医院党委", "值守将军山医院一周年座谈会",
                "我院召开值守将军山医院一周年主题活动暨工作座谈会,回顾援鄂医疗队的战疫历程。", "2021-04-21T02:00:00Z");
        put("a-covid", "党建新闻", "朝阳区卫生健康委", "基层党组织筑牢新型冠状病毒肺炎防控防线",
                "区卫生健康系统基层党组织把党建工作与新型冠状病毒肺炎防控工作相结合。", "2020-02-10T02:00:00Z");
        put("a-full", "工作动态", "朝阳区卫生健康委", "ＡＢＣ医院开展５Ｓ管理培训",
                "ＡＢＣ医院组织全院职工开展５Ｓ管理培训,提升服务质量。", "2022-06-01T02:00:00Z");
        put("a-tcm", "医院新闻", "南宁市中医医院党委", "中医药文化进校园",
                "南宁市中医医院走进小学,为师生讲解中医药知识,开展中药香囊制作体验。", "2023-05-12T02:00:00Z");
        put("a-school", "校园新闻", "南宁市第三中学", "学校举行运动会",
                "学校举行春季运动会,师生积极参与,中医院医生在现场提供医疗保障。", "2023-04-08T02:00:00Z");
        for (int i = 0; i < 25; i++) {
            put("a-many-" + String.format("%02d", i), "社区动态", "某社区卫生服务中心", "家庭医生签约服务第" + i + "期",
                    "社区卫生服务中心开展家庭医生签约服务宣传,为居民测量血压。", "2024-01-%02dT02:00:00Z".formatted(i % 28 + 1));
        }
        awaitSearchable();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        client.close();
    }

    @Test
    void aNameTheSegmenterDoesNotKnowIsFoundAsItIsWrittenAndNotInPieces() {
        assertThat(ids("胡海莺")).containsExactly("a-hu");
        assertThat(ids("海莺胡")).isEmpty();
        assertThat(ids("将军山医院")).containsExactly("a-jjs");
    }

    @Test
    void aQueryInTraditionalCharactersFindsSimplifiedText() {
        assertThat(ids("將軍山醫院")).containsExactly("a-jjs");
        assertThat(ids("中醫藥")).contains("a-tcm");
    }

    @Test
    void fullWidthAndHalfWidthFindEachOtherAndTheHighlightMarksTheCharactersAsWritten() {
        SearchResults found = search("abc医院");

        assertThat(found.hits()).extracting(SearchResults.Hit::id).containsExactly("a-full");
        assertThat(found.hits().getFirst().title()).isEqualTo("<em>ＡＢＣ医院</em>开展５Ｓ管理培训");
        assertThat(search("5s管理").hits().getFirst().snippet()).contains("<em>５Ｓ管理</em>");
    }

    @Test
    void highlightsMarkExactlyTheMatchedCharactersInTitleAndSnippet() {
        SearchResults.Hit hit = search("将军山").hits().getFirst();

        assertThat(hit.title()).isEqualTo("值守<em>将军山</em>医院一周年座谈会");
        assertThat(marked(hit.snippet())).containsOnly("将军山");
    }

    @Test
    void synonymsFromTheDictionaryFindEachOther() {
        assertThat(ids("新冠肺炎")).containsExactly("a-covid");
        assertThat(ids("新冠疫情")).containsExactly("a-covid");
    }

    @Test
    void synonymsAndPhrasesAddedToTheDictionaryApplyFromTheNextQueryOn() {
        assertThat(ids("香包")).isEmpty();
        long before = dictionary.current().revision();

        dictionary.replace(Set.of("香囊制作"), List.of(List.of("新冠肺炎", "新型冠状病毒肺炎", "新冠疫情"), List.of("香包", "香囊")),
                null, "admin");

        assertThat(dictionary.current().revision()).isGreaterThan(before);
        assertThat(ids("香包")).containsExactly("a-tcm");
        assertThat(ids("香囊制作")).containsExactly("a-tcm");
    }

    @Test
    void quotedPhrasesMustAppearAsWrittenAndAMinusExcludes() {
        assertThat(ids("中医")).contains("a-tcm", "a-hu", "a-school");
        assertThat(ids("中医 -运动会")).contains("a-tcm").doesNotContain("a-school");
        assertThat(ids("\"中药香囊\"")).containsExactly("a-tcm");
        assertThat(ids("\"香囊中药\"")).isEmpty();
        assertThatThrownBy(() -> search("\"中医")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void filtersOnChannelUnitAndDatesNarrowTheMatches() {
        assertThat(ids(request("中医", "医院新闻", null, null, null, null))).containsExactly("a-tcm");
        assertThat(ids(request("中医", null, "南宁市第三中学", null, null, null))).containsExactly("a-school");
        assertThat(ids(request("中医", null, null, "2023-01-01", "2023-04-30", null))).containsExactly("a-school");
        // the zone is the units': 2020-04-02T02:00Z is 10:00 on 2 April in Beijing
        assertThat(ids(request("胡海莺", null, null, "2020-04-02", "2020-04-02", null))).containsExactly("a-hu");
    }

    @Test
    void sortingByDatePutsTheNewestFirst() {
        assertThat(ids(request("中医", null, null, null, null, "date"))).containsExactly("a-tcm", "a-school", "a-hu");
    }

    @Test
    void facetsCountAllMatchesByChannelUnitAndYear() {
        SearchResults found = search("中医");

        assertThat(found.facets().get("channel")).extracting(SearchResults.FacetCount::value).contains("医院新闻", "校园新闻", "党建动态");
        assertThat(found.facets().get("unit")).filteredOn(f -> f.value().equals("南宁市中医医院党委"))
                .singleElement().extracting(SearchResults.FacetCount::count).isEqualTo(2L);
        assertThat(found.facets().get("year")).extracting(SearchResults.FacetCount::value).containsExactlyInAnyOrder("2020", "2023");
    }

    @Test
    void pagesDeepIntoTheResultsNeitherRepeatNorSkipWhetherByNumberOrByCursor() {
        List<String> byNumber = new ArrayList<>();
        for (int page = 0; page < 6; page++) {
            byNumber.addAll(ids(SearchRequest.of("家庭医生", null, null, null, null, null, page, 4, null)));
        }
        List<String> byCursor = new ArrayList<>();
        String after = null;
        do {
            SearchResults page = search.search(SearchRequest.of("家庭医生", null, null, null, null, null, 0, 4, after));
            page.hits().forEach(h -> byCursor.add(h.id()));
            after = page.next();
        } while (after != null);

        assertThat(byNumber).hasSize(24).doesNotHaveDuplicates();
        assertThat(byCursor).hasSize(25).doesNotHaveDuplicates().startsWith(byNumber.toArray(String[]::new));
        assertThat(ids(SearchRequest.of("家庭医生", null, null, null, null, null, 20, 4, null))).isEmpty();
    }

    @Test
    void fullPinyinAndInitialsFindTitlesAndUnits() {
        assertThat(ids("zhongyiyao")).contains("a-tcm");
        assertThat(ids("jiangjunshan")).containsExactly("a-jjs");
        assertThat(ids("jjs")).contains("a-jjs");
        assertThat(ids("nanningshi")).contains("a-tcm", "a-hu");
    }

    @Test
    void suggestionsCompleteTitlesAndUnitsFromCharactersOrPinyin() {
        Suggestions suggestions = new Suggestions(index);

        assertThat(suggestions.complete("值守", 5)).extracting(Suggestions.Suggestion::text).containsExactly("值守将军山医院一周年座谈会");
        assertThat(suggestions.complete("nanning", 5)).extracting(Suggestions.Suggestion::text)
                .contains("南宁市中医医院党委", "南宁市第三中学");
        assertThat(suggestions.complete("zyy", 5)).extracting(Suggestions.Suggestion::text).contains("中医药文化进校园");
        assertThatThrownBy(() -> suggestions.complete(" ", 5)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void relatedArticlesAreTheMostSimilarOthers() {
        RelatedArticles related = new RelatedArticles(index);

        assertThat(related.to("a-many-03", 3)).extracting(RelatedArticles.Related::id)
                .hasSize(3).allMatch(id -> id.startsWith("a-many-")).doesNotContain("a-many-03");
    }

    @Test
    void queriesThatCannotBeAnsweredAreClearErrorsOrEmptyPages() {
        assertThat(search("!!!").hits()).isEmpty();
        assertThatThrownBy(() -> SearchRequest.of("中医", null, null, null, null, null, 5_000, 10, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("after=");
        assertThatThrownBy(() -> SearchRequest.of("中医", null, null, "2023-13-01", null, null, 0, 10, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SearchRequest.of("中医", null, null, null, null, "loudest", 0, 10, null))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> SearchRequest.of("中医", null, null, null, null, null, 0, 10, "not-a-cursor"))
                .isInstanceOf(InvalidRequestException.class);
    }

    private static List<String> marked(String html) {
        Matcher m = Pattern.compile("<em>(.*?)</em>").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static SearchResults search(String q) {
        return search.search(SearchRequest.of(q, null, null, null, null, null, 0, 20, null));
    }

    private static SearchRequest request(String q, String channel, String unit, String from, String to, String sort) {
        return SearchRequest.of(q, channel, unit, from, to, sort, 0, 20, null);
    }

    private static List<String> ids(String q) {
        return ids(SearchRequest.of(q, null, null, null, null, null, 0, 50, null));
    }

    private static List<String> ids(SearchRequest request) {
        return search.search(request).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static void put(String id, String channel, String unit, String title, String body, String publishedAt) throws IOException {
        index.put(new Article(id, 1, unit, channel, title, null, body, null, null, null, null, List.of(),
                Instant.parse(publishedAt), null));
    }

    private static void awaitSearchable() throws InterruptedException {
        for (int i = 0; i < 100 && search("家庭医生").total() < 25; i++) {
            Thread.sleep(50);
        }
    }
}
