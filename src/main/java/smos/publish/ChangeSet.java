package smos.publish;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Files to write and files to delete in one domain, published together as one version: a table change
 * goes live with the scenario expectations it changes, or not at all.
 */
public final class ChangeSet {
    private final Map<String, byte[]> puts = new LinkedHashMap<>();
    private final Set<String> deletes = new LinkedHashSet<>();
    private String message;

    public ChangeSet put(String name, byte[] bytes) {
        puts.put(name, bytes);
        return this;
    }

    public ChangeSet delete(String name) {
        deletes.add(name);
        return this;
    }

    public ChangeSet message(String text) {
        this.message = text;
        return this;
    }

    public Map<String, byte[]> puts() {
        return puts;
    }

    public Set<String> deletes() {
        return deletes;
    }

    public String message() {
        return message;
    }

    public boolean isEmpty() {
        return puts.isEmpty() && deletes.isEmpty();
    }
}
