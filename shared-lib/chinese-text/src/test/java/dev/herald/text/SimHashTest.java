package dev.herald.text;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

    static final String REPORT = ("自新冠肺炎疫情防控工作开展以来,南宁市中医医院党委深入学习习近平新时代中国特色社会主义思想和关于疫情防控系列重要指示批示精神,"
            + "始终把人民群众生命安全和身体健康放在第一位,自觉增强四个意识,坚定四个自信,做到两个维护,广泛组织动员各党支部和广大党员、职工把打赢疫情防控阻击战作为当前的重大政治任务。"
            + "生命重于泰山,疫情就是命令,防控就是责任。根据上级部署,结合医院实际,我院先后召开了8次党委会专题研究部署疫情防控工作。"
            + "会上传达学习了党中央及各级党组织的决策部署,讨论通过援鄂抗疫医疗队组成队员,组建3支党员先锋队,研究落实疫情一线医护人员关系关爱工作。").repeat(3);

    @Test
    void theSameReportWithOtherPunctuationAndSpacingHasTheSameFingerprint() {
        String reformatted = REPORT.replace(",", "，").replace("。", "。 \n");

        assertThat(SimHash.distance(SimHash.fingerprint(REPORT), SimHash.fingerprint(reformatted))).isZero();
    }

    @Test
    void aLightlyEditedCopyStaysWithinThreeBits() {
        String edited = REPORT.replaceFirst("8次", "九次").replaceFirst("3支", "三支").replaceFirst("南宁市", "广西南宁市");

        assertThat(SimHash.distance(SimHash.fingerprint(REPORT), SimHash.fingerprint(edited))).isLessThanOrEqualTo(3);
    }

    @Test
    void anUnrelatedReportIsFarAway() {
        String other = ("4月21日,在值守省将军山医院一周年之际,我院召开学党史悟思想办实事开新局值守将军山医院一周年主题活动暨工作座谈会。"
                + "会议指出,在省委、省政府的坚强领导下,省将军山医院党建工作与疫情防控工作紧密结合,同规划、同部署、同推进。").repeat(3);

        assertThat(SimHash.distance(SimHash.fingerprint(REPORT), SimHash.fingerprint(other))).isGreaterThan(10);
    }

    @Test
    void fingerprintsWithinThreeBitsShareABand() {
        long a = SimHash.fingerprint(REPORT);
        long b = a ^ (1L << 3) ^ (1L << 20) ^ (1L << 40);

        int[] bandsA = SimHash.bands(a), bandsB = SimHash.bands(b);
        assertThat(bandsA[3]).isEqualTo(bandsB[3]);
    }

    @Test
    void fingerprintsAreTheOnesStoredReviewsWereGivenForEveryKindOfText() {
        // the definition reviews were fingerprinted with: distinct shingles as substrings, counted, hashed from getBytes
        Random random = new Random(20261206);
        String[] alphabet = {"党", "委", "医", "院", "疫", "情", "，", "。", " ", "a", "Z", "7", "é", "ß", "€", "\uD83D\uDE00",
                "\uD842\uDFB7", "\uD83D", "\uDE00", "ﬃ", "Ⅻ", "\u3000", "\n"};
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = n < 50 ? n % 6 : random.nextInt(400);
            for (int k = 0; k < length; k++) text.append(alphabet[random.nextInt(alphabet.length)]);
            assertThat(SimHash.fingerprint(text.toString())).as("text %d", n).isEqualTo(asFirstDefined(text.toString()));
        }
        assertThat(SimHash.fingerprint(REPORT)).isEqualTo(asFirstDefined(REPORT));
    }

    private static long asFirstDefined(String text) {
        String folded = FoldedText.fold(text);
        Map<String, Integer> shingles = new HashMap<>();
        for (int i = 0; i + 3 <= folded.length(); i++) shingles.merge(folded.substring(i, i + 3), 1, Integer::sum);
        if (shingles.isEmpty() && !folded.isEmpty()) shingles.put(folded, 1);
        int[] weights = new int[64];
        shingles.forEach((shingle, count) -> {
            long h = 0xcbf29ce484222325L;
            for (byte b : shingle.getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= h >>> 30;
            h *= 0xbf58476d1ce4e5b9L;
            h ^= h >>> 27;
            h *= 0x94d049bb133111ebL;
            h ^= h >>> 31;
            for (int bit = 0; bit < 64; bit++) weights[bit] += ((h >>> bit) & 1) == 1 ? count : -count;
        });
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) if (weights[bit] > 0) fingerprint |= 1L << bit;
        return fingerprint;
    }
}
