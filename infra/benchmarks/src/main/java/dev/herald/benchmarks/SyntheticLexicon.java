package dev.herald.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A lexicon the size of a real one, the same on every run: the shipped starter terms, gambling and
 * promotion vocabulary put together the way spam lexicons grow (brand + product + call to action), and
 * random words of common characters standing in for the long tail of other categories. The random
 * words are drawn uniformly from the characters of the corpus, so they are common characters but only
 * rarely words the reports actually contain, as with a real lexicon on clean news.
 */
final class SyntheticLexicon {

    private static final List<String> BRANDS = List.of("澳门", "新葡京", "葡京", "威尼斯人", "金沙", "银河", "永利", "美高梅",
            "太阳城", "皇冠", "亚博", "开元", "博狗", "必赢", "大发", "鸿运", "凯撒", "利记", "伟德", "天博", "九州", "乐鱼",
            "网上", "在线", "线上", "手机", "真钱", "正规", "信誉", "官方", "ag", "bbin", "pt", "mg", "ky", "bet");
    private static final List<String> PRODUCTS = List.of("娱乐", "赌场", "棋牌", "彩票", "体育", "视讯", "真人", "电玩", "捕鱼",
            "百家乐", "老虎机", "时时彩", "六合彩", "赛车", "快三", "牛牛", "炸金花", "德州扑克", "斗地主", "电子", "赌球",
            "足球", "篮球", "博彩", "赌博", "扑克", "麻将");
    private static final List<String> CALLS = List.of("平台", "官网", "网址", "注册", "开户", "下载", "代理", "投注", "下注",
            "充值", "返水", "首存", "送彩金", "注册送", "招商", "网站", "导航", "客服", "app", "入口", "登录", "返利");
    private static final List<String> SIDELINES = List.of("兼职", "刷单", "日结", "日赚", "网贷", "秒批", "套现", "贷款", "代办",
            "办证", "代开", "发票", "加微", "私聊", "包过", "无抵押", "免押金", "高回报", "稳赚", "内幕");

    private SyntheticLexicon() {
    }

    /** {@code size} distinct terms of 2 to 6 characters, {@code starter} among them. */
    static Set<String> generate(int size, Set<String> starter, String corpus, long seed) {
        Random random = new Random(seed);
        Set<String> terms = new LinkedHashSet<>(starter);
        List<String> promotion = promotionCombos();
        Collections.shuffle(promotion, random);
        int promotionShare = size * 2 / 5;
        for (int i = 0; i < promotion.size() && terms.size() < promotionShare; i++) {
            terms.add(promotion.get(i));
        }
        char[] common = corpusHan(corpus);
        while (terms.size() < size) {
            terms.add(randomWord(common, random));
        }
        return terms;
    }

    private static List<String> promotionCombos() {
        List<String> combos = new ArrayList<>();
        for (String p : PRODUCTS) {
            for (String b : BRANDS) add(combos, b + p);
            for (String c : CALLS) add(combos, p + c);
            for (String b : BRANDS) for (String c : CALLS) add(combos, b + p + c);
        }
        for (String b : BRANDS) for (String c : CALLS) add(combos, b + c);
        for (String s : SIDELINES) {
            for (String t : SIDELINES) if (!s.equals(t)) add(combos, s + t);
            for (String c : CALLS) add(combos, s + c);
        }
        return combos;
    }

    private static void add(List<String> combos, String term) {
        if (term.length() >= 2 && term.length() <= 6) {
            combos.add(term);
        }
    }

    /** Mostly 3 and 4 characters; short terms are few in real lexicons because they misfire. */
    private static String randomWord(char[] alphabet, Random random) {
        int roll = random.nextInt(100);
        int length = roll < 20 ? 2 : roll < 55 ? 3 : roll < 85 ? 4 : roll < 95 ? 5 : 6;
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return word.toString();
    }

    private static char[] corpusHan(String corpus) {
        StringBuilder distinct = new StringBuilder();
        corpus.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).distinct().sorted()
                .forEach(c -> distinct.append((char) c));
        return distinct.toString().toCharArray();
    }
}
