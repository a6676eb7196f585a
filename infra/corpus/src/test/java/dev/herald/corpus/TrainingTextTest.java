package dev.herald.corpus;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTextTest {

    private final List<String> paragraphs = TrainingText.paragraphs();

    @Test
    void everyNameOfTheRealReportsListedIsReplacedByItsSlot() {
        String text = String.join("\n", paragraphs);
        for (String[] replacement : TrainingText.entityReplacements()) {
            assertThat(text).doesNotContain(replacement[0]);
        }
        assertThat(text).doesNotContain("朝阳", "将军山", "南宁");
    }

    @Test
    void datesBecomeDateSlotsAndNamesTheirSlots() {
        String nanning = String.join("\n", TrainingText.REAL_TEXTS.stream().limit(1)
                .flatMap(name -> Resources.dataLines(name).stream()).toList());
        String learned = TrainingText.delexicalise("医院10名队员分别于2月15日、19日赶赴武汉", TrainingText.entityReplacements());

        assertThat(nanning).contains("2月15日");
        assertThat(learned).isEqualTo("医院10名队员分别于{date}、19日赶赴{place}");
        assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains(Character.toString(Slot.PERSON.marker())));
        assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains(Character.toString(Slot.UNIT.marker())));
    }

    @Test
    void asciiPunctuationOfTheScrapedPagesBecomesChinese() {
        String text = String.join("\n", paragraphs);
        assertThat(text).doesNotContain(",", ";", "!", "(", ")", " ").contains("，", "；", "！");
    }

    @Test
    void includesTheSeedPassagesAsWellAsTheRealReports() {
        assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains("开学典礼"));
        assertThat(paragraphs).anySatisfy(p -> assertThat(p).contains("如意"));
    }
}
