package dev.herald.console.signin;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in, if anyone, for its header and its navigation. */
@ControllerAdvice
class PersonAdvice {

    @ModelAttribute("person")
    Person person(Authentication authentication) {
        return Person.of(authentication);
    }
}
