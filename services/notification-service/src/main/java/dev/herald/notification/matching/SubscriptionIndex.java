package dev.herald.notification.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions an article matches, found through indexes rather than by checking each one (see
 * {@link CompiledIndex} for how). Immutable: a change makes a new index, so matching never waits and
 * never sees half a change.
 *
 * <p>Changes are a small overlay on a large base, because rebuilding a million subscriptions for each
 * one made or deleted would cost seconds, while articles arrive far more often than subscriptions
 * change. {@link #with} and {@link #without} change only the overlay (the subscriptions added since the
 * base was built, plus the ids of base subscriptions that no longer count), which the next match
 * builds, and an article is matched against both. Once the overlay outgrows about the square root of the base (at least
 * {@value #MIN_OVERLAY}), which keeps both its rebuilds and the base's amortised cost small, the next
 * change folds everything into a new base. That takes seconds at a million subscriptions, so an owner
 * that changes the index on a request path should call {@link #compacted()} itself, off that path, as
 * soon as {@link #wantsCompacting()} says so, well before a change would do it.
 */
public final class SubscriptionIndex {

    static final int MIN_OVERLAY = 256;

    // declared before EMPTY, which needs it
    private static final CompiledIndex NOTHING = CompiledIndex.build(List.of());
    private static final SubscriptionIndex EMPTY = new SubscriptionIndex(NOTHING, Map.of(), Set.of());

    private final CompiledIndex base;
    private final Map<String, SubscriptionCriteria> added;
    private final Set<String> removed;
    // built by the first match, not by the change: a burst of subscriptions made one after another (ten thousand for
    // a bulk import) rebuilt the overlay of up to a thousand for each, holding its owner's lock, while no article came
    // to be matched in between; two matches racing build it twice, alike
    private volatile CompiledIndex overlay;

    private SubscriptionIndex(CompiledIndex base, Map<String, SubscriptionCriteria> added, Set<String> removed) {
        this.base = base;
        this.added = added;
        this.removed = removed;
        this.overlay = added.isEmpty() ? NOTHING : null;
    }

    public static SubscriptionIndex empty() {
        return EMPTY;
    }

    /** Builds the index; of two criteria with the same id, the later one counts. */
    public static SubscriptionIndex of(Collection<SubscriptionCriteria> subscriptions) {
        Map<String, SubscriptionCriteria> byId = new LinkedHashMap<>();
        subscriptions.forEach(c -> byId.put(c.subscriptionId(), c));
        return new SubscriptionIndex(CompiledIndex.build(byId.values()), Map.of(), Set.of());
    }

    /** Every subscription the article satisfies, in no particular order. */
    public List<SubscriptionMatch> match(ArticleText article) {
        PreparedArticle prepared = PreparedArticle.of(article);
        List<SubscriptionMatch> matches = new ArrayList<>();
        base.match(prepared, removed, matches);
        overlay().match(prepared, Set.of(), matches);
        return matches;
    }

    private CompiledIndex overlay() {
        CompiledIndex built = overlay;
        if (built == null) {
            built = CompiledIndex.build(added.values());
            overlay = built;
        }
        return built;
    }

    /** Whether the overlay of changes is built yet: a change leaves that to the next match. */
    boolean overlayBuilt() {
        return overlay != null;
    }

    /** This index with the subscription added, or replaced if its id is already here. */
    public SubscriptionIndex with(SubscriptionCriteria criteria) {
        Map<String, SubscriptionCriteria> nowAdded = new LinkedHashMap<>(added);
        nowAdded.put(criteria.subscriptionId(), criteria);
        Set<String> nowRemoved = removed;
        if (base.contains(criteria.subscriptionId()) && !removed.contains(criteria.subscriptionId())) {
            nowRemoved = new HashSet<>(removed);
            nowRemoved.add(criteria.subscriptionId());
        }
        return next(nowAdded, nowRemoved);
    }

    /** This index without the subscription; the same index if it is not here. */
    public SubscriptionIndex without(String subscriptionId) {
        boolean inBase = base.contains(subscriptionId) && !removed.contains(subscriptionId);
        if (!inBase && !added.containsKey(subscriptionId)) {
            return this;
        }
        Map<String, SubscriptionCriteria> nowAdded = added;
        if (added.containsKey(subscriptionId)) {
            nowAdded = new LinkedHashMap<>(added);
            nowAdded.remove(subscriptionId);
        }
        Set<String> nowRemoved = removed;
        if (inBase) {
            nowRemoved = new HashSet<>(removed);
            nowRemoved.add(subscriptionId);
        }
        return next(nowAdded, nowRemoved);
    }

    /** The same subscriptions in one freshly built base, without an overlay. */
    public SubscriptionIndex compacted() {
        if (added.isEmpty() && removed.isEmpty()) {
            return this;
        }
        List<SubscriptionCriteria> all = new ArrayList<>(size());
        for (SubscriptionCriteria criteria : base.criteria()) {
            if (!removed.contains(criteria.subscriptionId())) {
                all.add(criteria);
            }
        }
        all.addAll(added.values());
        return new SubscriptionIndex(CompiledIndex.build(all), Map.of(), Set.of());
    }

    public boolean contains(String subscriptionId) {
        return added.containsKey(subscriptionId) || base.contains(subscriptionId) && !removed.contains(subscriptionId);
    }

    public int size() {
        return base.size() - removed.size() + added.size();
    }

    /** How many changes sit in the overlay rather than the base. */
    public int pending() {
        return added.size() + removed.size();
    }

    /** True once the overlay is half way to the size at which a change would fold it into the base. */
    public boolean wantsCompacting() {
        return pending() > overlayLimit() / 2;
    }

    private SubscriptionIndex next(Map<String, SubscriptionCriteria> nowAdded, Set<String> nowRemoved) {
        SubscriptionIndex next = new SubscriptionIndex(base, Collections.unmodifiableMap(nowAdded), Set.copyOf(nowRemoved));
        return next.pending() > overlayLimit() ? next.compacted() : next;
    }

    private int overlayLimit() {
        return Math.max(MIN_OVERLAY, (int) Math.sqrt(base.size()));
    }
}
