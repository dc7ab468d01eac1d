package smos.coverage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import smos.request.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Scenario coverage of every domain run: a summary for people and a JSON file for tools. */
public record CoverageReport(List<DomainCoverage> domains) {

    public CoverageReport {
        domains = List.copyOf(domains);
    }

    public boolean complete() {
        return domains.stream().allMatch(DomainCoverage::complete);
    }

    /** Each rule or table row no scenario fired, one per line, by domain. */
    public String describeNotFired() {
        StringBuilder s = new StringBuilder();
        for (DomainCoverage d : domains) {
            if (d.rules().isEmpty()) {
                s.append("  ").append(d.domain()).append(": no rules compiled\n");
            }
            d.notFired().forEach(r -> s.append("  ").append(d.domain()).append(": ").append(r.describe()).append('\n'));
        }
        return s.toString();
    }

    public String summary() {
        StringBuilder s = new StringBuilder("Scenario coverage (rules and table rows fired by at least one scenario)\n");
        for (DomainCoverage d : domains) {
            s.append(String.format("  %-20s %3d/%-3d rules fired, %d/%d of them table rows, by %d scenarios%n",
                    d.domain(), d.fired(), d.rules().size(), d.tableRowsFired(), d.tableRows(), d.scenarios()));
            d.notFired().forEach(r -> s.append("      not fired: ").append(r.describe()).append('\n'));
        }
        long total = domains.stream().mapToLong(d -> d.rules().size()).sum();
        long fired = domains.stream().mapToLong(DomainCoverage::fired).sum();
        s.append(String.format("  %-20s %3d/%-3d rules fired (%s)%n", "all domains", fired, total,
                total == 0 ? "no rules" : (fired * 100 / total) + "%"));
        return s.toString();
    }

    public ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("complete", complete());
        ArrayNode list = root.putArray("domains");
        for (DomainCoverage d : domains) {
            ObjectNode node = list.addObject();
            node.put("domain", d.domain());
            node.put("version", d.version());
            node.put("scenarios", d.scenarios());
            node.put("rules", d.rules().size());
            node.put("rulesFired", d.fired());
            node.put("tableRows", d.tableRows());
            node.put("tableRowsFired", d.tableRowsFired());
            node.set("notFired", Json.mapper().valueToTree(d.notFired()));
            node.set("coverage", Json.mapper().valueToTree(d.rules()));
        }
        return root;
    }

    public void writeJson(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Json.mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the coverage report to " + file, e);
        }
    }
}
