package dev.herald.ingest.registry;

import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import dev.herald.support.web.NotFoundException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Anyone signed in reads the registry (clients fill their pickers from it); only administrators change it. */
@RestController
class RegistryController {

    record Units(int total, List<ContributingUnit> units) {
    }

    record Channels(int total, List<Channel> channels) {
    }

    private final Registry registry;

    RegistryController(Registry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/units")
    Units units() {
        List<ContributingUnit> all = registry.units();
        return new Units(all.size(), all);
    }

    /** The caller's own unit, with the channels it may use. */
    @GetMapping("/api/units/me")
    ContributingUnit me() {
        String unit = Caller.current().unit();
        if (unit == null || unit.isBlank()) {
            throw new InvalidRequestException("unit", "the token names no unit");
        }
        return registry.unit(unit).orElseThrow(() -> new NotFoundException("unit", unit));
    }

    @GetMapping("/api/units/{name}")
    ContributingUnit unit(@PathVariable String name) {
        return registry.unit(name).orElseThrow(() -> new NotFoundException("unit", name));
    }

    @ApiResponse(responseCode = "200", description = "The unit was changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "The unit was registered", useReturnTypeSchema = true)
    @PutMapping("/api/units/{name}")
    ResponseEntity<ContributingUnit> putUnit(@PathVariable String name, @Valid @RequestBody UnitRequest request) {
        checkName(name, 100);
        boolean existed = registry.units().stream().anyMatch(u -> u.name().equals(name.strip()));
        ContributingUnit saved = registry.putUnit(name, request);
        return existed ? ResponseEntity.ok(saved) : ResponseEntity.status(201).body(saved);
    }

    @ApiResponse(responseCode = "204", description = "The unit is no longer registered", useReturnTypeSchema = true)
    @DeleteMapping("/api/units/{name}")
    ResponseEntity<Void> deleteUnit(@PathVariable String name) {
        registry.deleteUnit(name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/channels")
    Channels channels() {
        List<Channel> all = registry.channels();
        return new Channels(all.size(), all);
    }

    @ApiResponse(responseCode = "200", description = "The channel was changed", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "201", description = "The channel was registered", useReturnTypeSchema = true)
    @PutMapping("/api/channels/{name}")
    ResponseEntity<Channel> putChannel(@PathVariable String name, @Valid @RequestBody ChannelRequest request) {
        checkName(name, 50);
        boolean existed = registry.channels().stream().anyMatch(c -> c.name().equals(name.strip()));
        Channel saved = registry.putChannel(name, request);
        return existed ? ResponseEntity.ok(saved) : ResponseEntity.status(201).body(saved);
    }

    @ApiResponse(responseCode = "204", description = "The channel is no longer registered", useReturnTypeSchema = true)
    @DeleteMapping("/api/channels/{name}")
    ResponseEntity<Void> deleteChannel(@PathVariable String name) {
        registry.deleteChannel(name);
        return ResponseEntity.noContent().build();
    }

    private static void checkName(String name, int max) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > max || n.equals("me") || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("name", "must be 1 to " + max + " characters, not 'me', without control characters");
        }
    }
}
