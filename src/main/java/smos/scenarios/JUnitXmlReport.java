package smos.scenarios;

import smos.engine.ScenarioFailure;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A scenario file run as a JUnit XML report, in the Ant/Surefire format CI servers read: one
 * {@code TEST-<domain>.<file>.xml} per file, a {@code testsuite} per file, a {@code testcase} per
 * scenario ({@code classname} = domain.file, {@code name} = the scenario's name). A scenario whose
 * decision differs from the expectation is a {@code failure} listing field, expected and actual; one
 * that could not run (not in the format, a domain that serves nothing) is an {@code error}; a file
 * that cannot be read is one {@code error} case. Written with the JDK's StAX writer, which escapes.
 */
public final class JUnitXmlReport {
    private JUnitXmlReport() {
    }

    /** Writes the report of {@code run} into {@code dir} (created when missing) and returns its path. */
    public static Path write(Path dir, ScenarioFileRun run) {
        String suite = suiteName(run);
        Path file = dir.resolve("TEST-" + suite + ".xml");
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(file)) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                writeSuite(xml, suite, run);
                xml.writeEndDocument();
                xml.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /** {@code <domain>.<file name without extension>}; the domain is the folder's when the file cannot be read. */
    static String suiteName(ScenarioFileRun run) {
        Path path = Path.of(run.path());
        String name = path.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String domain = run.domain() != null ? run.domain()
                : path.getParent() != null ? path.getParent().getFileName().toString() : "scenarios";
        return domain + "." + name;
    }

    private static void writeSuite(XMLStreamWriter xml, String suite, ScenarioFileRun run) throws XMLStreamException {
        List<ScenarioResult> results = run.results();
        long errors = run.unreadable() != null ? 1 : results.stream().filter(ScenarioResult::couldNotRun).count();
        long failures = results.stream().filter(r -> !r.passed() && !r.couldNotRun()).count();
        long nanos = results.stream().mapToLong(ScenarioResult::nanos).sum();
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite);
        xml.writeAttribute("tests", String.valueOf(run.unreadable() != null ? 1 : results.size()));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", seconds(nanos));
        xml.writeAttribute("timestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        xml.writeCharacters("\n");
        if (run.unreadable() != null) {
            ScenarioFileException e = run.unreadable();
            startCase(xml, suite, "(file)", 0);
            problem(xml, "error", e.getMessage(), "ScenarioFileError", e.getMessage());
            endCase(xml);
        }
        for (ScenarioResult result : results) {
            startCase(xml, suite, result.scenario(), result.nanos());
            if (!result.passed()) {
                String text = result.failures().stream().map(JUnitXmlReport::describe).collect(Collectors.joining("\n"));
                String message = result.failures().stream().map(JUnitXmlReport::describe).collect(Collectors.joining("; "));
                if (result.couldNotRun()) {
                    problem(xml, "error", message, "ScenarioError", where(run.path(), result.line()) + "\n" + text);
                } else {
                    problem(xml, "failure", message, "ScenarioFailure", where(run.path(), result.line()) + "\n" + text);
                }
            }
            endCase(xml);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    /** Only the attributes of the Ant schema: some CI servers refuse others. The file and line are in the text. */
    private static void startCase(XMLStreamWriter xml, String suite, String name, long nanos)
            throws XMLStreamException {
        xml.writeCharacters("  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", suite);
        xml.writeAttribute("name", name);
        xml.writeAttribute("time", seconds(nanos));
    }

    private static void endCase(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void problem(XMLStreamWriter xml, String element, String message, String type, String text)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", message);
        xml.writeAttribute("type", type);
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
    }

    /** {@code field: expected X, actual Y}: how a failing field reads in every report. */
    public static String describe(ScenarioFailure f) {
        return f.field() + ": expected " + f.expected() + ", actual " + f.actual();
    }

    private static String where(String file, int line) {
        return line > 0 ? file + ":" + line : file;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
