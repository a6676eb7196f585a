package dev.herald.search.query;

import dev.herald.search.index.ArticleIndex;
import dev.herald.search.index.IndexProperties;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.herald.infra.embedded.TestInfrastructure;
import dev.herald.search.article.Article;
import dev.herald.search.dictionary.DictionaryService;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader gets who types pinyin the way people do: several groups, beside characters, as initials,
 * with tones, ü however it is written, capitals and apostrophes. Each group is a word of the query, so
 * every group must match, as every word of a query of up to three words must. Latin words and
 * abbreviations that are no pinyin find what they always did.
 */
class PinyinSearchTest {

    @TempDir
    static Path dir;
    static MongoClient client;
    static ArticleIndex index;
    static SearchService search;

    @BeforeAll
    static void publishedArticles() throws Exception {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        DictionaryService dictionary = new DictionaryService(new MongoTemplate(client, "pinyin-search-" + UUID.randomUUID()),
                Clock.systemUTC());
        dictionary.refresh();
        index = ArticleIndex.open(dir.resolve("index"), ZoneId.of("Asia/Shanghai"));
        search = new SearchService(index, dictionary, IndexProperties.defaults(), new SimpleMeterRegistry());
        put("flag", "朝阳区实验小学党支部", "让党旗在疫情防控一线高高飘扬", "学校党支部组织党员教师下沉社区，协助开展疫情防控工作。");
        put("flag-red", "南宁市中医医院党委", "如意先锋战疫情 党旗一线红", "医院党委号召全院党员冲锋在前。");
        put("tcm", "南宁市中医医院党委", "中医药文化进校园", "医院专家走进小学，为师生讲解中医药知识。");
        put("history", "柳州高级中学党委", "党史学习教育动员大会召开", "学校召开党史学习教育动员大会，部署学习任务。");
        put("travel", "岳麓区望月湖社区党委", "社区党员红色旅游重温初心", "社区组织党员参观革命旧址，开展红色教育。");
        put("women", "沈阳市胸科医院党委", "三八节里的女医生们", "医院为坚守岗位的女职工送上节日祝福。");
        put("xian", "西安市第八十三中学党委", "西安市第八十三中学开展安全教育", "学校开展消防安全演练。");
        put("first", "贵州省人民医院党委", "先进事迹报告会召开", "医院召开先进事迹报告会，号召全院向先进学习。");
        put("ct", "沈阳市胸科医院党委", "胸部ＣＴ检查预约时间缩短到一天", "医院优化ＣＴ检查流程，患者当天即可完成检查。");
        put("tradition", "成都市第三人民医院党委", "传统节日里的志愿服务", "志愿者走进社区陪伴老人过节。");
        put("covid", "朝阳区卫生健康委", "COVID-19防控指南英文版发布", "为方便外籍人士，区卫生健康委发布COVID-19防控指南英文版。");
        put("5g", "朝阳区卫生健康委", "5G远程会诊平台上线", "5G远程会诊平台在社区卫生服务中心上线。");
        awaitSearchable(12);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        client.close();
    }

    @Test
    void twoGroupsOfSyllablesFindATitleWithBothWordsApart() {
        assertThat(ids("dangqi piaoyang")).containsExactly("flag");
    }

    @Test
    void everyGroupMustMatchAsEveryWordOfAShortQueryMust() {
        assertThat(ids("dangqi xuexi")).isEmpty();
    }

    @Test
    void syllablesTypedOneByOneFindTheirCharactersTogetherFirst() {
        assertThat(ids("dang qi piao yang")).first().isEqualTo("flag");
    }

    @Test
    void groupsMayNameTheUnitAsWellAsTheTitle() {
        assertThat(ids("nanning zhongyi")).containsExactlyInAnyOrder("tcm", "flag-red");
    }

    @Test
    void pinyinBeforeCharactersIsAWordOfTheQuery() {
        assertThat(ids("nanning 中医")).first().isEqualTo("tcm");
        assertThat(ids("nanning中医")).first().isEqualTo("tcm");
    }

    @Test
    void pinyinAfterCharactersIsAWordOfTheQuery() {
        assertThat(ids("党史 xuexi")).containsExactly("history");
    }

    @Test
    void initialsOfEachWordSeparatedBySpaces() {
        assertThat(ids("dq py")).first().isEqualTo("flag");
    }

    @Test
    void initialsRunTogetherFindTheWordsApart() {
        assertThat(ids("dqpy")).first().isEqualTo("flag");
    }

    @Test
    void syllablesRunTogetherFindTheWordsApart() {
        assertThat(ids("dangqipiaoyang")).first().isEqualTo("flag");
    }

    @Test
    void toneMarks() {
        assertThat(ids("dǎngqí")).containsExactlyInAnyOrder("flag", "flag-red");
    }

    @Test
    void toneNumbers() {
        assertThat(ids("dang3qi2")).containsExactlyInAnyOrder("flag", "flag-red");
    }

    @Test
    void uWithDiaeresis() {
        assertThat(ids("lüyou")).containsExactly("travel");
        assertThat(ids("nü")).containsExactly("women");
    }

    @Test
    void vForUWithDiaeresis() {
        assertThat(ids("lvyou")).containsExactly("travel");
        assertThat(ids("nv yisheng")).containsExactly("women");
    }

    @Test
    void uColonForUWithDiaeresis() {
        assertThat(ids("lu:you")).containsExactly("travel");
    }

    @Test
    void capitals() {
        assertThat(ids("NanNing")).containsExactlyInAnyOrder("tcm", "flag-red");
        assertThat(ids("NANNING")).containsExactlyInAnyOrder("tcm", "flag-red");
    }

    @Test
    void anApostropheSeparatesSyllablesThatWouldOtherwiseRunTogether() {
        assertThat(ids("xi'an")).containsExactly("xian");
        assertThat(ids("xian")).contains("first").doesNotContain("xian");
    }

    @Test
    void theHighlightMarksTheCharactersThePinyinStandsFor() {
        assertThat(search("dangqi piaoyang").hits().getFirst().title()).isEqualTo("让<em>党旗</em>在疫情防控一线高高<em>飘扬</em>");
    }

    @Test
    void anAbbreviationInCapitalsIsNotReadAsInitials() {
        assertThat(ids("CT")).containsExactly("ct");
    }

    @Test
    void aLatinWordThatIsNoPinyinIsFoundAsWritten() {
        assertThat(ids("COVID")).containsExactly("covid");
        assertThat(ids("covid")).containsExactly("covid");
    }

    @Test
    void lettersWithDigitsAreFoundAsWritten() {
        assertThat(ids("5G")).containsExactly("5g");
        assertThat(ids("5G 远程")).containsExactly("5g");
    }

    @Test
    void suggestionsCompletePinyinWrittenWithAnApostropheOrToneMarks() {
        Suggestions suggestions = new Suggestions(index);

        assertThat(suggestions.complete("xi'an", 5)).extracting(Suggestions.Suggestion::text).contains("西安市第八十三中学党委");
        assertThat(suggestions.complete("Nánníng", 5)).extracting(Suggestions.Suggestion::text).contains("南宁市中医医院党委");
    }

    private static SearchResults search(String q) {
        return search.search(SearchRequest.of(q, null, null, null, null, null, 0, 10, null));
    }

    private static List<String> ids(String q) {
        return search(q).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static void put(String id, String unit, String title, String body) throws IOException {
        index.put(new Article(id, 1, unit, "工作动态", title, null, body, null, null, null, null, List.of(),
                Instant.parse("2024-03-01T02:00:00Z"), null));
    }

    private static void awaitSearchable(int documents) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (index.search(searcher -> searcher.getIndexReader().numDocs()) >= documents) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the index never showed all " + documents + " articles");
    }
}
