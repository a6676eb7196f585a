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

    static String escape(String s) {
        return htmlEscape(s, "UTF-8");
    }
}
