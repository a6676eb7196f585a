package dev.herald.notification.subscription;

import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * The signed unsubscribe link of every mail and webhook payload. Mail scanners and link previews follow
 * links with GET, so a GET only shows what the link would end and a button; the change is a POST, the
 * button's or a mail client's RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}) to the same URL.
 * A browser (one that asks for HTML) is answered with a page, anything else with JSON or problem+json.
 */
@RestController
class UnsubscribeController {

    record Outcome(String status) {
    }

    private final SubscriptionService service;

    UnsubscribeController(SubscriptionService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "200", description = "A page asking to confirm the unsubscription with a POST (or saying it is already done); a bad link gets a page or a problem", useReturnTypeSchema = true)
    @GetMapping("/api/unsubscribe")
    ResponseEntity<String> confirm(@RequestParam(required = false) String token,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<Subscription> subscription;
        try {
            subscription = service.toUnsubscribe(SubscriptionController.required(token));
        } catch (InvalidRequestException e) {
            return refused(e, accept);
        }
        if (subscription.isEmpty()) {
            return LinkPages.page(HttpStatus.OK, "订阅已取消", "<p>这个订阅已经取消，不会再给您发送通知。</p>");
        }
        return LinkPages.askToPost("取消订阅", "确定要取消这个订阅吗？取消后将不再收到它的通知。",
                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n", "确认取消订阅",
                "如果不想取消，关闭本页即可，订阅不会有任何变化。");
    }

    @ApiResponse(responseCode = "200", description = "Unsubscribed (or already so): a page for a browser, else the outcome as JSON", useReturnTypeSchema = true)
    @PostMapping("/api/unsubscribe")
    ResponseEntity<?> unsubscribe(@RequestParam(required = false) String token,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean ended;
        try {
            ended = service.unsubscribe(SubscriptionController.required(token));
        } catch (InvalidRequestException e) {
            return refused(e, accept);
        }
        if (LinkPages.wantsHtml(accept)) {
            return LinkPages.page(HttpStatus.OK, "订阅已取消", ended ? "<p>订阅已取消，不会再给您发送它的通知。</p>"
                    : "<p>这个订阅已经取消，不会再给您发送通知。</p>");
        }
        return ResponseEntity.ok(new Outcome(ended ? "unsubscribed" : "already unsubscribed"));
    }

    /** A bad link changes nothing: a page saying so for a browser, problem+json for everything else. */
    private static ResponseEntity<String> refused(InvalidRequestException e, String accept) {
        if (!LinkPages.wantsHtml(accept)) {
            throw e;
        }
        String why = e.getMessage() != null && e.getMessage().startsWith("has expired")
                ? "这个链接已过期。请使用最近一封通知邮件中的取消订阅链接。"
                : "这个链接无效：它可能不完整，或者不是取消订阅的链接。请从通知邮件中重新打开。";
        return LinkPages.page(HttpStatus.BAD_REQUEST, "链接无效", "<p>" + LinkPages.escape(why) + "</p>\n<p>订阅没有任何变化。</p>");
    }
}
