package dev.herald.ingest.extraction;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese personal names as bylines print them: a common surname and one or two characters more. Surnames that open
 * everyday words a page prints alone under a headline (党建, 文化, 安全, 金融, 项目) are left out, and so are the rare
 * ones (风): a byline is missed rather than a column's name taken for a writer.
 */
final class PersonNames {

    static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖"
            + "贾夏韦付傅邹孟熊秦邱尹薛闫段雷侯史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤施牛樊葛邢乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘"
            + "祝包符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简芦麦褚娄窦戚岑景宫费"
            + "卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝陳劉張黃趙吳孫馬鄭羅謝許韓馮鄧蕭葉蘇呂"
            + "鍾譚陸賈韋鄒龔萬錢嚴顏聶盧蔣楊";
    private static final String COMPOUND = "欧阳|司马|诸葛|上官|东方|皇甫|令狐|慕容|尉迟|公孙|夏侯|长孙|宇文|司徒|端木|独孤|南宫";
    static final String PERSON = "(?:(?:" + COMPOUND + ")\\p{IsHan}{1,2}|[" + SURNAMES + "]\\p{IsHan}{1,2})";
    // a paper's print edition runs its reporters' names together (记者彭晗侯婷婷, 记者李莎莎黎史翔王进雨程磊): longer runs
    // than this are a sentence, not a credit
    private static final int MAX_RUN = 15;

    private PersonNames() {
    }

    /**
     * The names a run of characters holds when a paper printed them with nothing between (彭晗侯婷婷 gives 彭晗, 侯婷婷):
     * the one way to cut it into two or more surnamed names of two or three characters. Empty when there is no such
     * way, or more than one, since a guess between two cuts would invent a name.
     */
    static List<String> unglued(String run) {
        if (run.length() < 4 || run.length() > MAX_RUN || !run.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return List.of();
        }
        List<List<String>> found = new ArrayList<>();
        cut(run, 0, new ArrayList<>(), found);
        return found.size() == 1 && found.get(0).size() >= 2 ? found.get(0) : List.of();
    }

    private static void cut(String run, int at, List<String> names, List<List<String>> found) {
        if (found.size() > 1) return;
        if (at == run.length()) {
            found.add(List.copyOf(names));
            return;
        }
        if (SURNAMES.indexOf(run.charAt(at)) < 0) return;
        for (int length = 2; length <= 3 && at + length <= run.length(); length++) {
            names.add(run.substring(at, at + length));
            cut(run, at + length, names, found);
            names.remove(names.size() - 1);
        }
    }
}
