package dev.herald.ingest.feed;

import dev.herald.support.security.Caller;
import dev.herald.support.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

@RestController
class FeedController {

    record FeedList(List<FeedView> feeds) {
    }

    private static final int MAX_PAGE_SIZE = 100;

    private final FeedService feeds;

    FeedController(FeedService feeds) {
        this.feeds = feeds;
    }

    @ApiResponse(responseCode = "201", description = "The feed is registered; Location is the feed", useReturnTypeSchema = true)
    @PostMapping("/api/feeds")
    ResponseEntity<FeedView> register(@Valid @RequestBody FeedRequest request) {
        Feed feed = feeds.register(Caller.current().unit(), request);
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/feeds/{id}").buildAndExpand(feed.id()).toUri();
        return ResponseEntity.created(location).body(view(feed));
    }

    /** A unit's own feeds; an administrator's list is every unit's, or one unit's with {@code unit}. */
    @GetMapping("/api/feeds")
    FeedList list(@RequestParam(required = false) String unit) {
        String of = Caller.current().has("UNIT") ? Caller.current().unit() : unit;
        return new FeedList(feeds.list(of).stream().map(this::view).toList());
    }

    @GetMapping("/api/feeds/{id}")
    FeedView get(@PathVariable String id) {
        return view(feeds.get(owner(), id));
    }

    @PatchMapping("/api/feeds/{id}")
    FeedView change(@PathVariable String id, @RequestBody FeedChange change) {
        return view(feeds.change(Caller.current().unit(), id, change));
    }

    @ApiResponse(responseCode = "204", description = "The feed is removed", useReturnTypeSchema = true)
    @DeleteMapping("/api/feeds/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        feeds.delete(Caller.current().unit(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/feeds/{id}/poll")
    PollResult poll(@PathVariable String id) {
        return feeds.pollNow(Caller.current().unit(), id);
    }

    @GetMapping("/api/feeds/{id}/items")
    FeedService.ItemsPage items(@PathVariable String id, @RequestParam(required = false) ItemOutcome outcome,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000) {
            throw new InvalidRequestException("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return feeds.items(feeds.get(owner(), id), outcome, page, size);
    }

    /** The unit whose feeds the caller may see: its own, or null (any) for an administrator. */
    private static String owner() {
        Caller caller = Caller.current();
        return caller.has("UNIT") ? caller.unit() : null;
    }

    private FeedView view(Feed feed) {
        return FeedView.of(feed, feeds.health(feed));
    }
}
