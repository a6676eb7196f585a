package dev.herald.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContactFinderTest {

    /** The one contact found in the text, as written there. */
    private static String only(Contact.Kind kind, String text) {
        List<Contact> found = ContactFinder.find(text);
        assertThat(found).as("contacts in %s", text).hasSize(1);
        assertThat(found.getFirst().kind()).isEqualTo(kind);
        return text.substring(found.getFirst().start(), found.getFirst().end());
    }

    @Test
    void aUrlWithItsSchemeIsALinkUpToTheChineseAfterIt() {
        assertThat(only(Contact.Kind.LINK, "官方网址https://www.ajn334.com/reg?id=8，手机可访问")).isEqualTo("https://www.ajn334.com/reg?id=8");
    }

    @Test
    void aWwwHostIsALink() {
        assertThat(only(Contact.Kind.LINK, "认准唯一网址www.kfc888.net。")).isEqualTo("www.kfc888.net");
    }

    @Test
    void aBareDomainOfANewTopLevelDomainIsALink() {
        assertThat(only(Contact.Kind.LINK, "登录name1234.xyz领取彩金")).isEqualTo("name1234.xyz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vip", "top", "cc", "club", "shop", "site", "online", "cn", "hk"})
    void bareDomainsOfEveryTopLevelDomainSpamUsesAreLinks(String tld) {
        assertThat(only(Contact.Kind.LINK, "详情见 ab88." + tld + " 每日更新")).isEqualTo("ab88." + tld);
    }

    @Test
    void aBareDomainOfAnyTopLevelDomainInThePublicSuffixListIsALink() {
        assertThat(only(Contact.Kind.LINK, "登录abc123.monster领取彩金")).isEqualTo("abc123.monster");
        assertThat(only(Contact.Kind.LINK, "打开 site99.fit 注册")).isEqualTo("site99.fit");
        assertThat(only(Contact.Kind.LINK, "官网lucky8.quest，稳定")).isEqualTo("lucky8.quest");
        assertThat(only(Contact.Kind.LINK, "认准kk55.com.Please")).as("an English sentence run on after it").isEqualTo("kk55.com");
    }

    @Test
    void aNameWithADotBeforeAWordThatIsNoTopLevelDomainIsNoLink() {
        assertThat(ContactFinder.find("资料photos.zip和clip.mov已上传，Node.js与report.draft版本均已归档，另存为notes.bak。")).isEmpty();
    }

    @Test
    void aDotWrittenAsTheWordInBracketsIsALink() {
        assertThat(only(Contact.Kind.LINK, "网址 abc888(dot)com 注册")).isEqualTo("abc888(dot)com");
        assertThat(ContactFinder.find("网址 abc888[dot]vip").getFirst().value()).isEqualTo("abc888.vip");
    }

    @Test
    void aStockCodeAndAMethodCallInACodeSampleAreNoLinks() {
        assertThat(ContactFinder.find("滙控（0005.HK）股價上升，英偉達(NVDA.US)目標價上調，代码为 ts = datetime.datetime.now() 。")).isEmpty();
        assertThat(only(Contact.Kind.LINK, "网址WWW.ABC888.COM")).isEqualTo("WWW.ABC888.COM");
        assertThat(only(Contact.Kind.LINK, "网址：rax565点com（“点”换成“.”即可打开）")).isEqualTo("rax565点com");
    }

    @Test
    void aBareDomainUnderACountryCodeIsALink() {
        assertThat(only(Contact.Kind.LINK, "网址bet365.de稳定")).isEqualTo("bet365.de");
    }

    @Test
    void aDomainWithItsDotsWrittenAsTheCharacter点IsALink() {
        List<Contact> found = ContactFinder.find("输入abc点com即可");

        assertThat(found).singleElement().satisfies(c -> {
            assertThat("输入abc点com即可".substring(c.start(), c.end())).isEqualTo("abc点com");
            assertThat(c.value()).isEqualTo("abc.com");
        });
    }

    @Test
    void aDomainWithAnIdeographicFullStopAndSpacesIsALink() {
        assertThat(only(Contact.Kind.LINK, "打开abc 。 vip 注册")).isEqualTo("abc 。 vip");
    }

    @Test
    void aDomainWithAFullWidthDotIsALink() {
        assertThat(only(Contact.Kind.LINK, "网址ｗｗｗ．ａｂｃ１２３．ｃｏｍ，欢迎")).isEqualTo("ｗｗｗ．ａｂｃ１２３．ｃｏｍ");
    }

    @Test
    void aDomainSpelledOutLetterByLetterIsALink() {
        String text = "访问 w w w . x x . com 了解";
        List<Contact> found = ContactFinder.find(text);

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(text.substring(c.start(), c.end())).isEqualTo("w w w . x x . com");
            assertThat(c.value()).isEqualTo("www.xx.com");
        });
    }

    @Test
    void anIpAddressWithAPortIsOne() {
        assertThat(only(Contact.Kind.IP_ADDRESS, "线路：103.45.67.89:8080 备用")).isEqualTo("103.45.67.89:8080");
    }

    @Test
    void anIpAddressWithDisguisedDotsIsOne() {
        assertThat(only(Contact.Kind.IP_ADDRESS, "进入45。76点12。9即可")).isEqualTo("45。76点12。9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.cn/A6x7Yz", "dwz.cn/k3Jd9", "url.cn/5abcd", "bit.ly/3xYz", "suo.im/5vT1"})
    void aShortLinkIsOne(String link) {
        assertThat(only(Contact.Kind.SHORT_LINK, "点开" + link + "领取")).isEqualTo(link);
    }

    @Test
    void anOfficialSiteIsReportedAsOne() {
        assertThat(only(Contact.Kind.OFFICIAL_LINK, "详见市卫健委网站http://wsjkw.hx.gov.cn。")).isEqualTo("http://wsjkw.hx.gov.cn");
        assertThat(only(Contact.Kind.OFFICIAL_LINK, "学校官网www.sdfz.edu.cn发布")).isEqualTo("www.sdfz.edu.cn");
    }

    @Test
    void taiwansHongKongsAndMacausGovernmentSitesAreOfficialToo() {
        assertThat(only(Contact.Kind.OFFICIAL_LINK, "或至網站查閱：http://www.vghtpe.gov.tw/。")).isEqualTo("http://www.vghtpe.gov.tw/");
        assertThat(only(Contact.Kind.OFFICIAL_LINK, "詳見衞生署網站www.dh.gov.hk")).isEqualTo("www.dh.gov.hk");
        assertThat(only(Contact.Kind.OFFICIAL_LINK, "澳門衛生局網站www.ssm.gov.mo公布")).isEqualTo("www.ssm.gov.mo");
        assertThat(only(Contact.Kind.LINK, "購物請上www.shop.com.tw")).isEqualTo("www.shop.com.tw");
    }

    @Test
    void anEmailAddressIsOne() {
        assertThat(only(Contact.Kind.EMAIL, "投稿邮箱：news2024@163.com。")).isEqualTo("news2024@163.com");
    }

    @Test
    void aMobileNumberIsOneWithOrWithoutSeparators() {
        assertThat(only(Contact.Kind.MOBILE, "热线13812345678。")).isEqualTo("13812345678");
        assertThat(only(Contact.Kind.MOBILE, "电话138-1234-5678。")).isEqualTo("138-1234-5678");
        assertThat(only(Contact.Kind.MOBILE, "电话+86 138 1234 5678。")).isEqualTo("+86 138 1234 5678");
    }

    @Test
    void aQqNumberIsOneInFullWidthFormsToo() {
        assertThat(only(Contact.Kind.QQ, "客服ＱＱ：１２３４５６７８９，")).isEqualTo("ＱＱ：１２３４５６７８９");
        assertThat(only(Contact.Kind.QQ, "扣扣群 87654321 欢迎")).isEqualTo("扣扣群 87654321");
    }

    @Test
    void aWeChatIdBehindAHomophoneIsOne() {
        assertThat(only(Contact.Kind.WECHAT, "加薇信：ab123456 了解")).isEqualTo("薇信：ab123456");
        assertThat(only(Contact.Kind.WECHAT, "vx: kk8899xx 咨询")).isEqualTo("vx: kk8899xx");
    }

    @Test
    void aWeChatOrQqLabelBrokenUpByOrnamentsOrFollowedByANumberIsOne() {
        assertThat(only(Contact.Kind.WECHAT, "加微❤信：abc1234 了解")).isEqualTo("微❤信：abc1234");
        assertThat(only(Contact.Kind.WECHAT, "威-信 ab12345 咨询")).isEqualTo("威-信 ab12345");
        assertThat(only(Contact.Kind.WECHAT, "v.x：kk8899xx")).isEqualTo("v.x：kk8899xx");
        assertThat(only(Contact.Kind.WECHAT, "➕V：lucky888")).isEqualTo("➕V：lucky888");
        assertThat(only(Contact.Kind.WECHAT, "微信：12345678 备注来意")).isEqualTo("微信：12345678");
        assertThat(only(Contact.Kind.WECHAT, "财务(微❤信)：123456")).isEqualTo("微❤信)：123456");
        assertThat(only(Contact.Kind.WECHAT, "加微\u200b信：abc1234")).as("a zero-width space inside").isEqualTo("微\u200b信：abc1234");
        assertThat(only(Contact.Kind.WECHAT, "嶶信：abc1234")).isEqualTo("嶶信：abc1234");
        assertThat(only(Contact.Kind.WECHAT, "V：abc12345 备注")).isEqualTo("V：abc12345");
        assertThat(only(Contact.Kind.QQ, "Q：123456789 领资料")).isEqualTo("Q：123456789");
        assertThat(only(Contact.Kind.QQ, "q q 123456789")).isEqualTo("q q 123456789");
    }

    @Test
    void prestigeAndACountyCalled威信AreNoWeChat() {
        assertThat(ContactFinder.find("要树立党组织的威信，威信县第一季度Q1产值2021万元，微信公众号已于2021年开通。")).isEmpty();
    }

    @Test
    void aQrCodePromptIsOne() {
        assertThat(only(Contact.Kind.QR_PROMPT, "长按识别二维码，领取福利")).isEqualTo("长按识别二维码");
        assertThat(only(Contact.Kind.QR_PROMPT, "扫码加好友即送88元")).isEqualTo("扫码加");
        assertThat(only(Contact.Kind.QR_PROMPT, "扫描二维码进群")).isEqualTo("扫描二维码进群");
        assertThat(only(Contact.Kind.QR_PROMPT, "欢迎加群：56781234")).isEqualTo("加群：56781234");
    }

    @Test
    void figuresDatesFileNamesAndAbbreviationsAreNoContacts() {
        String text = "平均降幅3.5个百分点，版本v2.3.1于2021.06.30上线，附件.doc、名单.pdf和照片.jpg已上传，"
                + "readme.md与run.sh不是网址。No.1 方案由Dr.Li和Mr.Wang提出，PM2.5为12，剂量0.5mg。"
                + "会议于9点30分开始。大家学习了党史。随后开展了讨论。拨打0771-5848123或12345热线咨询。";

        assertThat(ContactFinder.find(text)).isEmpty();
    }

    @Test
    void aPatientScanningTheQrCodeAtTheClinicDoorIsNoPrompt() {
        assertThat(ContactFinder.find("孕妇可以通过扫描诊室门口的二维码预约，也可以扫码登记。")).isEmpty();
    }

    @Test
    void aLinkHoldingANumberIsOneContact() {
        assertThat(ContactFinder.find("https://abc.com/13812345678")).singleElement()
                .extracting(Contact::kind).isEqualTo(Contact.Kind.LINK);
    }

    // forms public spam and filter test suites show (docs/screening.md names them); the names and numbers here are made up

    @ParameterizedTest
    @ValueSource(strings = {"goldshop(点)com", "goldshop（点）com", "goldshop【点】com", "goldshop{.}com", "goldshop丶com"})
    void aDotInBracketsOrWrittenAsAStrokeIsALink(String domain) {
        assertThat(only(Contact.Kind.LINK, "低价金币上" + domain + "快来")).isEqualTo(domain);
    }

    @Test
    void aHostSpelledOutWithItsTopLevelDomainSpacedTooIsALink() {
        List<Contact> found = ContactFinder.find("g o l d s h o p . c o m 全场五折");
        assertThat(found).singleElement().extracting(Contact::kind, Contact::value).containsExactly(Contact.Kind.LINK, "goldshop.com");
    }

    @Test
    void cyrillicLettersDrawnLikeLatinOnesMakeNoDifferenceToALink() {
        assertThat(ContactFinder.find("进入gоldshоp.cоm领取")).singleElement().extracting(Contact::value).isEqualTo("goldshop.com");
    }

    @Test
    void circledDigitsAreAMobileNumber() {
        assertThat(ContactFinder.find("咨询①③⑧①②③④⑤⑥⑦⑧")).singleElement().extracting(Contact::kind, Contact::value)
                .containsExactly(Contact.Kind.MOBILE, "13812345678");
    }

    @Test
    void digitsSpacedOneByOneAreStillTheNumber() {
        assertThat(ContactFinder.find("加 Q Q 群 1 2 3 4 5 6")).singleElement().extracting(Contact::kind).isEqualTo(Contact.Kind.QQ);
        assertThat(ContactFinder.find("手机 1 3 9 8 7 6 5 4 3 2 1")).singleElement().extracting(Contact::value).isEqualTo("13987654321");
    }

    @Test
    void aGroupNumberInChineseNumeralsIsAPrompt() {
        assertThat(only(Contact.Kind.QR_PROMPT, "快来加群一二三四五六七")).isEqualTo("加群一二三四五六七");
    }

    @Test
    void aQqGroupWrittenQ群IsAQqNumber() {
        assertThat(only(Contact.Kind.QQ, "分析工具 Q群：981935811")).isEqualTo("Q群：981935811");
    }

    @Test
    void aWeChatIdAfter薇AndAPlusIsOne() {
        assertThat(only(Contact.Kind.WECHAT, "有需要的薇➕：abc12345")).isEqualTo("薇➕：abc12345");
    }

    @ParameterizedTest
    @ValueSource(strings = {"飞机：@laomao12315", "纸飞机：@you25801", "TG：@abc12345", "电报 @huangdao88", "telegram: abcde123",
            "WhatsApp +85212345678"})
    void aTelegramOrWhatsAppHandleIsOne(String handle) {
        assertThat(only(Contact.Kind.MESSENGER, "联系技术" + handle)).isEqualTo(handle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fjmiya(在)icloud(点)com", "fjmiya(at)icloud.com", "fjmiya＠qq。com"})
    void anEmailAddressWithItsAtOrDotsWrittenOutIsOne(String address) {
        assertThat(only(Contact.Kind.EMAIL, "发邮件（" + address + "）给我")).isEqualTo(address);
    }

    @Test
    void planesListMarkersAndLabResultsAreNoContacts() {
        String text = "①加强学习；②推进落实；③总结经验。乘坐飞机：国航CA1234航班。TG：1.52mmol/L，飞机降落后，"
                + "志愿者丶医护人员一起参加，王明·李华发言。第1 3 5 7 9 11组检查完毕。";

        assertThat(ContactFinder.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"一三八一二三四五六七八", "幺三八幺二三四五六七八", "壹叁捌壹贰叁肆伍陆柒捌"})
    void aMobileNumberInChineseNumeralsIsOne(String number) {
        assertThat(only(Contact.Kind.MOBILE, "订购电话" + number + "。")).isEqualTo(number);
    }

    @Test
    void aWeChatIdAfter微信号码OrPinyinIsOne() {
        assertThat(only(Contact.Kind.WECHAT, "微信号码：abc12345")).isEqualTo("微信号码：abc12345");
        assertThat(only(Contact.Kind.WECHAT, "wei xin: abc12345")).isEqualTo("wei xin: abc12345");
    }

    @Test
    void aDefangedUrlIsALink() {
        assertThat(only(Contact.Kind.LINK, "打开hxxp://abc123.xyz/reg注册")).isEqualTo("hxxp://abc123.xyz/reg");
    }

    @Test
    void namingTelegramOrADateInNumeralsIsNoContact() {
        assertThat(ContactFinder.find("他们在Telegram channels上讨论，会议定于二〇二一年十一月三十日召开。")).isEmpty();
    }
}
