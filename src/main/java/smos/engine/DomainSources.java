package smos.engine;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The rule files of one domain's {@link DomainBundle}: its decision tables ({@code .xlsx} or {@code .xls})
 * and DRL, as the compiler and the spreadsheet checks read them. Its version is the bundle's, which
 * covers the scenarios too. Files found in the domain's folders that are not rule files are listed in
 * {@link #ignored()}: never read, and named in a warning so that nobody believes they are.
 */
public final class DomainSources {
    private final String domain;
    private final List<SourceFile> files;
    private final List<String> ignored;
    private final String version;

    DomainSources(String domain, List<SourceFile> files, List<String> ignored, String version) {
        this.domain = domain;
        this.files = files.stream().sorted(Comparator.comparing(SourceFile::path)).toList();
        this.ignored = List.copyOf(ignored);
        this.version = version;
    }

    /** The rule files of the domain as they are in the home's folders now (the tools read them so). */
    public static DomainSources scan(Path home, String domain) {
        return DomainLayout.read(home, domain).sources();
    }

    /** True for a decision-table workbook name ({@code .xlsx} or {@code .xls}, not an editor's lock file). */
    public static boolean isTableFile(String name) {
        return DomainLayout.isDomainFile(DomainLayout.Kind.DECISION_TABLE, name);
    }

    public String domain() {
        return domain;
    }

    public List<SourceFile> files() {
        return files;
    }

    /** Files in the domain's folders that are not rule files (a {@code .csv}, an {@code .ods}): home-relative paths. */
    public List<String> ignored() {
        return ignored;
    }

    public String version() {
        return version;
    }
}
