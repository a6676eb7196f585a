package dev.herald.console.platform;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal on a page that has nothing else to show (an article that does not exist, a review
 * another moderator's stage holds) becomes a page saying so, with the service's status: never an error page.
 * Forms handle their own problems, beside the form.
 */
@ControllerAdvice
class ProblemPages {

    private final Messages messages;

    ProblemPages(Messages messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem, HttpServletResponse response) {
        response.setStatus(problem.status() >= 400 && problem.status() < 500 ? problem.status() : 502);
        ModelAndView page = new ModelAndView("message");
        page.addObject("message", messages.of(problem));
        return page;
    }

    @ExceptionHandler(Unavailable.class)
    ModelAndView unavailable(Unavailable unavailable, HttpServletResponse response) {
        response.setStatus(503);
        ModelAndView page = new ModelAndView("message");
        page.addObject("message", messages.of(unavailable));
        return page;
    }
}
