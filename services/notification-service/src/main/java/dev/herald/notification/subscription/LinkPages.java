package dev.herald.notification.subscription;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

import static org.springframework.web.util.HtmlUtils.htmlEscape;

/** The small pages a person meets after following a link from a mail, in Chinese, never cached or indexed. */
final class LinkPages {

    private LinkPages() {
    }

    static boolean wantsHtml(String accept) {
        return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + " - Herald</title></head>\n"
                + "<body style=\"font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.6;"
                + "max-width:36em;margin:3em auto;padding:0 1em\">\n<h1 style=\"font-size:1.4em\">" + escape(title)
                + "</h1>\n" + body + "\n</body>\n</html>\n";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }

    /**
     * A question and a button that POSTs to the very URL the page was opened at, token included, whatever proxy
     * it came through: a GET of a signed link never acts, only the button (or a client's own POST) does.
     *
     * @param questionHtml the question, already escaped where it holds anything of the person's
     * @param formFields   hidden fields the POST carries, as markup (the one-click unsubscribe's), or empty
     */
    static ResponseEntity<String> askToPost(String title, String questionHtml, String formFields, String button, String note) {
        return page(HttpStatus.OK, title, "<p>" + questionHtml + "</p>\n"
                + "<form method=\"post\">\n" + formFields
                + "<button type=\"submit\">" + escape(button) + "</button>\n</form>\n"
                + "<p style=\"color:#666;font-size:13px\">" + escape(note) + "</p>");
    }

    static String escape(String s) {
        return htmlEscape(s, "UTF-8");
    }
}
