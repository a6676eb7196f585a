package dev.herald.moderation.workflow;

import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/workflows")
class WorkflowController {

    private static final int MAX_NAME = 50;

    private final WorkflowService service;

    WorkflowController(WorkflowService service) {
        this.service = service;
    }

    @GetMapping
    List<Workflow> list() {
        return service.all();
    }

    @GetMapping("/{name}")
    Workflow get(@PathVariable String name) {
        return service.get(name(name));
    }

    /** Creates (201) or replaces (200) the workflow of that name. */
    @ApiResponse(responseCode = "200", description = "The workflow was changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "The workflow was created", useReturnTypeSchema = true)
    @PutMapping("/{name}")
    ResponseEntity<Workflow> put(@PathVariable String name, @Valid @RequestBody WorkflowRequest request) {
        boolean created = service.put(name(name), request, Caller.current().name());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(service.get(name));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        service.delete(name(name));
    }

    private static String name(String name) {
        if (name.isBlank() || name.length() > MAX_NAME || !name.strip().equals(name)) {
            throw new InvalidRequestException("name", "must be 1 to " + MAX_NAME + " characters without surrounding spaces");
        }
        return name;
    }
}
