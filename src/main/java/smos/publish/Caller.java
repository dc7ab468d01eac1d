package smos.publish;

/** Who asks for a change: the token's name (what the history records as who) and its role. */
public record Caller(String name, AccessRole role) {
    public static Caller publisher(String name) {
        return new Caller(name, AccessRole.PUBLISHER);
    }
}
