package smos.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The rule files of one domain's {@link DomainBundle}: its decision tables and DRL, as the compiler
 * and the spreadsheet checks read them. Its version is the bundle's, which covers the scenarios too.
 */
public final class DomainSources {
    private final String domain;
    private final List<SourceFile> files;
    private final String version;

    DomainSources(String domain, List<SourceFile> files, String version) {
        this.domain = domain;
        this.files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        this.version = version;
    }

    /** The rule files of the domain as they are in the home's folders now (the tools read them so). */
    public static DomainSources scan(Path home, String domain) {
        return DomainLayout.read(home, domain).sources();
    }

    public String domain() {
        return domain;
    }

    public List<SourceFile> files() {
        return files;
    }

    public String version() {
        return version;
    }
}
