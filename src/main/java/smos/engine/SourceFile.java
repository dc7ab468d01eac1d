package smos.engine;

/** One rule file of a domain, read once so that its hash and its compiled form agree. */
public record SourceFile(String path, byte[] bytes, Kind kind) {

    public enum Kind { DRL, DECISION_TABLE }

    public long size() {
        return bytes.length;
    }
}
