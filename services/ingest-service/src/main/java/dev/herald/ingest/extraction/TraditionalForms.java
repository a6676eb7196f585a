package dev.herald.ingest.extraction;

/**
 * Pages in traditional characters (Taiwan's and Hong Kong's papers, portals' 繁體 channels) print the same labels as
 * the others in their own forms: 記者, 編輯, 來源, 報導, 聯合報. Labels, roles and the endings of a paper's name are
 * matched on a view of the line with those characters in their simplified forms, one for one, so a match's offsets
 * are the line's own and every value is cut from the line as printed (巫其倫 stays 巫其倫).
 */
final class TraditionalForms {

    // and the words of the notices and prompts that close a text: 未經授權，不得轉載, 歡迎關注我們的專頁
    // (and a tool bar's: 字號：大 中 小, 調整字體, 複製網址, 電子郵件; and a trail's label: 當前位置)
    private static final String TRADITIONAL = "記編輯責來報導訊電攝圖實習網譯時間發佈據專欄綜審聞臺視廣聯際訪員總頻評論稱區長處點擊閱讀錄覽標題類為經權轉載歡關們頁註僅對準確說聲號體當複製郵";
    private static final String SIMPLIFIED = "记编辑责来报导讯电摄图实习网译时间发布据专栏综审闻台视广联际访员总频评论称区长处点击阅读录览标题类为经权转载欢关们页注仅对准确说声号体当复制邮";

    private TraditionalForms() {
    }

    /** The text with the traditional forms of label characters simplified; the same length, char for char. */
    static String fold(String text) {
        char[] out = null;
        for (int i = 0; i < text.length(); i++) {
            int at = TRADITIONAL.indexOf(text.charAt(i));
            if (at < 0) continue;
            if (out == null) out = text.toCharArray();
            out[i] = SIMPLIFIED.charAt(at);
        }
        return out == null ? text : new String(out);
    }
}
