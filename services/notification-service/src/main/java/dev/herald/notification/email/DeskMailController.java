package dev.herald.notification.email;

import dev.herald.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Administrators choose who is mailed when a report reaches a desk; the desk's inbox needs no setting. */
@RestController
class DeskMailController {

    record RecipientsRequest(List<String> addresses) {
    }

    private final DeskMail deskMail;

    DeskMailController(DeskMail deskMail) {
        this.deskMail = deskMail;
    }

    @GetMapping("/api/desks/{role}/mail-recipients")
    DeskMailRecipients recipients(@PathVariable String role) {
        return deskMail.recipients(role);
    }

    @PutMapping("/api/desks/{role}/mail-recipients")
    DeskMailRecipients replace(@PathVariable String role, @RequestBody RecipientsRequest request) {
        return deskMail.replace(role, request == null ? null : request.addresses(), Caller.current().name());
    }
}
