package smos.diff;

/** A file of the domain's content that one version has and the other not, or whose bytes differ. */
public record FileChange(String file, Change change) {

    public String summary() {
        return file + " " + change.word();
    }
}
