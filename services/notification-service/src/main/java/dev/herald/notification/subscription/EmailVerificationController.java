package dev.herald.notification.subscription;

import dev.herald.support.web.ConflictException;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed confirmation link of the mail that asks an address's owner to confirm it. Mail scanners and link
 * previews follow links with GET, and a confirmation one of them made would put mail into a box whose owner never
 * asked for it; so a GET only says what the link would confirm and offers a button, and the confirmation is the
 * button's POST to the same URL. A browser (one that asks for HTML) is answered with pages, anything else with
 * JSON or problem+json.
 */
@RestController
class EmailVerificationController {

    record Outcome(String status, String email) {
    }

    private final SubscriptionService service;

    EmailVerificationController(SubscriptionService service) {
        this.service = service;
    }

    @ApiResponse(responseCode = "200", description = "A page asking to confirm the address with a POST (or saying it is confirmed), or the state as JSON", useReturnTypeSchema = true)
    @GetMapping("/api/email-verification")
    ResponseEntity<?> confirm(@RequestParam(required = false) String token,
                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Subscription subscription;
        try {
            subscription = service.toVerify(SubscriptionController.required(token));
        } catch (InvalidRequestException | NotFoundException | ConflictException e) {
            return refused(e, accept);
        }
        String email = subscription.delivery().email();
        boolean done = subscription.delivery().emailVerified();
        if (!LinkPages.wantsHtml(accept)) {
            return ResponseEntity.ok(new Outcome(done ? "verified" : "unverified: POST this link to confirm", email));
        }
        if (done) {
            return LinkPages.page(HttpStatus.OK, "邮箱地址已确认", "<p>" + LinkPages.escape(email) + " 已经确认过了，通知会发到这个地址。</p>");
        }
        return LinkPages.askToPost("确认邮箱地址", "确认 " + LinkPages.escape(email) + " 是您的邮箱，并开始接收 Herald 的报道通知吗？",
                "", "确认邮箱地址", "如果这不是您本人的操作，关闭本页即可，我们不会向这个地址发送通知。");
    }

    @ApiResponse(responseCode = "200", description = "The address is confirmed: a page for a browser, else the outcome as JSON", useReturnTypeSchema = true)
    @PostMapping("/api/email-verification")
    ResponseEntity<?> verify(@RequestParam(required = false) String token,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Subscription verified;
        try {
            verified = service.verifyEmail(SubscriptionController.required(token));
        } catch (InvalidRequestException | NotFoundException | ConflictException e) {
            return refused(e, accept);
        }
        String email = verified.delivery().email();
        if (LinkPages.wantsHtml(accept)) {
            return LinkPages.page(HttpStatus.OK, "邮箱地址已确认", "<p>谢谢！" + LinkPages.escape(email) + " 已确认，符合订阅的报道会通知到这个地址。</p>");
        }
        return ResponseEntity.ok(new Outcome("verified", email));
    }

    /** A bad link confirms nothing: a page saying why for a browser, the problem itself for everything else. */
    private static ResponseEntity<String> refused(RuntimeException e, String accept) {
        if (!LinkPages.wantsHtml(accept)) {
            throw e;
        }
        String why = switch (e) {
            case NotFoundException gone -> "这个订阅已经不存在了，无需确认。";
            case ConflictException moved -> "这个订阅已改用其他邮箱地址，这个链接不再有效。";
            default -> e.getMessage() != null && e.getMessage().startsWith("has expired")
                    ? "这个链接已过期。请重新订阅，或使用最近一封确认邮件中的链接。"
                    : "这个链接无效：它可能不完整，或者不是确认邮箱的链接。请从确认邮件中重新打开。";
        };
        HttpStatus status = e instanceof NotFoundException ? HttpStatus.NOT_FOUND
                : e instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return LinkPages.page(status, "无法确认", "<p>" + LinkPages.escape(why) + "</p>");
    }
}
