package smos.publish;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the console keeps unpublished changes ({@link Draft}s). They live with the rules
 * ({@link RuleStore#drafts()}), so a draft uploaded on one replica opens, and publishes, on another, and
 * survives a restart.
 */
public interface Drafts {

    void save(Draft draft);

    /** The draft of this domain with this id; empty for an unknown id or one that is not a draft id at all. */
    Optional<Draft> find(String domain, String id);

    /** The domain's open drafts, oldest first. */
    List<Draft> list(String domain);

    /** Forgets the draft (published or discarded); nothing when there is none. */
    void remove(String domain, String id);

    Comparator<Draft> OLDEST_FIRST = Comparator.comparing(Draft::created).thenComparing(Draft::id);

    /** Drafts held by this process only: for a store that cannot hold them (they end with a restart). */
    static Drafts inMemory() {
        Map<String, Draft> drafts = new ConcurrentHashMap<>();
        return new Drafts() {
            @Override
            public void save(Draft draft) {
                drafts.put(draft.id(), draft);
            }

            @Override
            public Optional<Draft> find(String domain, String id) {
                return Optional.ofNullable(id == null ? null : drafts.get(id)).filter(d -> d.domain().equals(domain));
            }

            @Override
            public List<Draft> list(String domain) {
                return drafts.values().stream().filter(d -> d.domain().equals(domain)).sorted(OLDEST_FIRST).toList();
            }

            @Override
            public void remove(String domain, String id) {
                find(domain, id).ifPresent(d -> drafts.remove(d.id()));
            }
        };
    }
}
