package dev.herald.notification.email;

import dev.herald.notification.delivery.Notice;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * Writes the mails, in Chinese, as plain text and as HTML. Everything that comes from an article or a
 * subscriber is escaped in the HTML: a title is text, never markup.
 */
@Component
class MailComposer {

    static final String SUBJECT_PREFIX = "【Herald】";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final String STYLE = "font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.6";

    /** One notice is announced by its title, several by how many there are. */
    MailContent notices(List<Notice> notices, ZoneId zone, String unsubscribeUrl) {
        String subject = SUBJECT_PREFIX + (notices.size() == 1 ? oneLine(notices.getFirst().title())
                : notices.size() + " 篇新报道");
        String lead = notices.size() == 1 ? "有一篇新报道符合您的订阅：" : "有 " + notices.size() + " 篇新报道符合您的订阅：";

        StringBuilder text = new StringBuilder(lead).append("\n\n");
        StringBuilder html = new StringBuilder(htmlStart()).append("<p>").append(escape(lead)).append("</p>\n");
        for (Notice n : notices) {
            String date = DATE.format(n.publishedAt().atZone(zone));
            String source = source(n);
            text.append(n.title()).append('\n').append(source).append('\n').append("发布时间：").append(date).append('\n');
            html.append("<div style=\"margin:0 0 20px\">\n<h3 style=\"margin:0 0 4px\">").append(escape(n.title()))
                    .append("</h3>\n<div style=\"color:#666;font-size:13px\">").append(escape(source))
                    .append(" · 发布时间：").append(escape(date)).append("</div>\n");
            if (n.snippet() != null && !n.snippet().isBlank()) {
                text.append(n.snippet()).append('\n');
                html.append("<p style=\"margin:6px 0 0\">").append(escape(n.snippet())).append("</p>\n");
            }
            text.append('\n');
            html.append("</div>\n");
        }
        text.append(footer(unsubscribeUrl));
        html.append(htmlFooter(unsubscribeUrl)).append(htmlEnd());
        return new MailContent(subject, text.toString(), html.toString());
    }

    MailContent confirmation(String email, String verificationUrl, String unsubscribeUrl) {
        String subject = SUBJECT_PREFIX + "请确认您的邮箱地址";
        String lead = "有人用邮箱 " + email + " 订阅了 Herald 的报道通知。确认这是您本人的地址后，我们才会向它发送通知：";
        String ignore = "如果这不是您本人的操作，请忽略这封邮件，我们不会再给您发信；也可以直接取消这个订阅。";
        String text = lead + "\n\n" + verificationUrl + "\n\n" + ignore + "\n\n" + "取消订阅：" + unsubscribeUrl + "\n";
        String html = htmlStart() + "<p>" + escape(lead) + "</p>\n"
                + "<p><a href=\"" + escape(verificationUrl) + "\" style=\"font-weight:bold\">确认邮箱地址</a></p>\n"
                + "<p style=\"color:#666;font-size:13px\">" + escape(ignore) + "</p>\n"
                + "<p style=\"color:#666;font-size:13px\"><a href=\"" + escape(unsubscribeUrl) + "\">取消订阅</a></p>\n"
                + htmlEnd();
        return new MailContent(subject, text, html);
    }

    /** A report reaching a desk: what it is, from whom, which stage waits, and where to decide it when the console is known. */
    MailContent deskNotice(DeskMail.StageReached r, String reviewUrl) {
        String what = r.correction() ? "更正稿" : "稿件";
        String subject = SUBJECT_PREFIX + "待" + r.stage() + "：" + oneLine(r.title());
        String lead = what + "《" + oneLine(r.title()) + "》（" + r.unit() + "）已进入" + r.stage() + "（第" + r.stageNumber()
                + "审），等待审核。";
        String why = "您收到这封邮件，是因为管理员将这个地址设为 " + r.role() + " 审核台的通知地址；停止接收请联系管理员。";
        StringBuilder text = new StringBuilder(lead).append("\n\n");
        StringBuilder html = new StringBuilder(htmlStart()).append("<p>").append(escape(lead)).append("</p>\n");
        if (reviewUrl != null) {
            text.append("审核：").append(reviewUrl).append("\n\n");
            html.append("<p><a href=\"").append(escape(reviewUrl)).append("\" style=\"font-weight:bold\">打开审核页面</a></p>\n");
        }
        text.append("——\n").append(why).append('\n');
        html.append("<hr style=\"border:none;border-top:1px solid #ddd\">\n<p style=\"color:#666;font-size:13px\">")
                .append(escape(why)).append("</p>\n").append(htmlEnd());
        return new MailContent(subject, text.toString(), html.toString());
    }

    private static String source(Notice n) {
        return "单位：" + n.unit() + (n.channel() == null || n.channel().isBlank() ? "" : " · 栏目：" + n.channel());
    }

    private static String footer(String unsubscribeUrl) {
        return "——\n您收到这封邮件，是因为您订阅了 Herald 的报道通知。\n取消订阅：" + unsubscribeUrl + "\n";
    }

    private static String htmlFooter(String unsubscribeUrl) {
        return "<hr style=\"border:none;border-top:1px solid #ddd\">\n<p style=\"color:#666;font-size:13px\">"
                + "您收到这封邮件，是因为您订阅了 Herald 的报道通知。<a href=\"" + escape(unsubscribeUrl)
                + "\">取消订阅</a></p>\n";
    }

    private static String htmlStart() {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"UTF-8\"></head>\n<body style=\"" + STYLE + "\">\n";
    }

    private static String htmlEnd() {
        return "</body>\n</html>\n";
    }

    /** Only the characters that mean something in HTML: the mail is UTF-8, so Chinese and punctuation stay as they are. */
    private static String escape(String s) {
        return htmlEscape(s, "UTF-8");
    }

    /** A subject is one header line: line breaks or control characters in a title must not start another header. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
