package dev.herald.console.admin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrator's desk: where each of the platform's settings an administrator keeps is kept. */
@Controller
class AdminController {

    @GetMapping("/admin")
    String desk() {
        return "admin";
    }
}
