package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CharNgramModelTest {

    static final List<String> TRAINING = List.of(
            "社区党支部组织全体党员开展主题党日活动。党员们重温入党誓词，学习党的光辉历史。",
            "医院组织专家团队走进社区开展义诊活动，为居民测量血压、血糖，讲解慢性病防治知识。",
            "学校组织学生开展安全教育活动，邀请消防员讲解火场逃生知识。同学们认真学习，积极参与。",
            "社区卫生服务中心开展健康宣传活动，医务人员为居民讲解合理膳食和适量运动的好处。",
            "党员志愿者走进敬老院开展志愿服务活动，为老人打扫房间、测量血压，陪老人聊天。");

    private final CharNgramModel model = CharNgramModel.train(TRAINING);

    @Test
    void splitsSentencesAfterTerminatorsAndClosingQuotesAndAtLineBreaks() {
        String text = " 第一句。第二句！“引号里。”第三句\n\n第四句；末尾";

        List<String> sentences = CharNgramModel.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();

        assertThat(sentences).containsExactly("第一句。", "第二句！", "“引号里。”", "第三句", "第四句；", "末尾");
    }

    @Test
    void foldsDigitAndLatinRunsFullWidthFormsAndTraditionalCharacters() {
        assertThat(CharNgramModel.fold("２０２０年 Covid-19 體育，")).isEqualTo("0年a-0体育,");
    }

    @Test
    void eachScoredSymbolKnowsWhereInTheTextItCameFrom() {
        String text = "2020年医院";

        CharNgramModel.Surprisal read = model.surprisal(text);

        assertThat(read.symbols()).isEqualTo("0年医院");
        assertThat(read.size()).isEqualTo(5);
        assertThat(text.substring(read.start(0), read.end(0))).isEqualTo("2020");
        assertThat(text.substring(read.start(2), read.end(2))).isEqualTo("医");
        assertThat(read.start(4)).isEqualTo(text.length());
    }

    @Test
    void probabilitiesAfterAnyContextAddUpToOne() {
        List<Character> seen = new ArrayList<>();
        TRAINING.forEach(t -> CharNgramModel.fold(t).chars().forEach(c -> {
            if (!seen.contains((char) c)) seen.add((char) c);
        }));
        seen.add(CharNgramModel.END);

        for (String context : List.of("开展", "\u0002\u0002", "居民", "鲸鱼")) {
            // the unseen symbol: 龘 was never in training, and stands for every symbol that was not
            double total = model.probability(context.charAt(0), context.charAt(1), '龘');
            for (char w : seen) {
                total += model.probability(context.charAt(0), context.charAt(1), w);
            }
            assertThat(total).as("after %s", context).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void proseLikeTheTrainingTextIsLessSurprisingThanTheSameCharactersShuffled() {
        String sentence = "社区组织党员志愿者开展健康宣传活动，为居民讲解慢性病防治知识。";
        List<String> chars = new ArrayList<>(List.of(sentence.split("")));
        Collections.shuffle(chars, new Random(7));

        double natural = model.surprisal(sentence).meanBits();
        double shuffled = model.surprisal(String.join("", chars)).meanBits();

        assertThat(natural).isLessThan(shuffled - 2);
        assertThat(model.surprisal(sentence).perplexity()).isCloseTo(Math.pow(2, natural), within(1e-9));
    }

    @Test
    void theDocumentCacheMakesTheDocumentsOwnWordsCheaper() {
        String sentence = "三伏贴是冬病夏治的传统方法。";
        CharNgramModel.Cache cache = model.newCache(200);
        cache.add("今年的三伏贴服务正式启动。市民可以预约三伏贴。三伏贴需要连续贴敷三年。");

        assertThat(model.surprisal(sentence, cache).totalBits()).isLessThan(model.surprisal(sentence).totalBits() - 5);

        cache.remove("今年的三伏贴服务正式启动。市民可以预约三伏贴。三伏贴需要连续贴敷三年。");
        assertThat(model.surprisal(sentence, cache).totalBits()).isCloseTo(model.surprisal(sentence).totalBits(), within(1e-9));
    }

    @Test
    void aPhraseSplicedIntoAWordSavesMoreBitsWhenTakenOutThanOneThatBelongs() {
        CharNgramModel.Surprisal belongs = model.surprisal("医院组织专家走进社区开展义诊活动。");
        CharNgramModel.Surprisal spliced = model.surprisal("医院组织专家走进社区开党日展义诊活动。");

        double natural = belongs.bitsSavedWithout(8, 10);   // 社区
        double splice = spliced.bitsSavedWithout(11, 13);   // 党日, inside 开展

        assertThat(splice).isGreaterThan(natural + 5);
        assertThat(belongs.bitsSavedWithout(3, 3)).isCloseTo(0, within(1e-9));
    }

    @Test
    void cannotBeTrainedOnNothing() {
        assertThatThrownBy(() -> CharNgramModel.train(List.of("", "  \n"))).isInstanceOf(IllegalArgumentException.class);
    }
}
