package dev.herald.console.platform;

import org.springframework.web.util.HtmlUtils;

import java.util.regex.Pattern;

/**
 * Search's snippets and titles arrive as HTML: escaped text with each match in {@code <em>}. The console
 * does not take a service's word for that markup: it keeps the matches, as {@code <mark>}, and escapes
 * everything else itself, so no tag but its own ever reaches a page.
 */
public final class Highlighted {

    private static final Pattern MATCH = Pattern.compile("<em>(.*?)</em>", Pattern.DOTALL);

    private Highlighted() {
    }

    public static String html(String serviceHtml) {
        if (serviceHtml == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        var matcher = MATCH.matcher(serviceHtml);
        int last = 0;
        while (matcher.find()) {
            out.append(text(serviceHtml.substring(last, matcher.start())));
            out.append("<mark>").append(text(matcher.group(1))).append("</mark>");
            last = matcher.end();
        }
        return out.append(text(serviceHtml.substring(last))).toString();
    }

    private static String text(String fragment) {
        return HtmlUtils.htmlEscape(HtmlUtils.htmlUnescape(fragment), "UTF-8");
    }
}
